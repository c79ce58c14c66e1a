// nodecc/environment.h — one Node "environment" per thread.
//
// An Environment owns a libuv loop, the nextTick queue, the microtask queue,
// the timer lists, the immediate queue and the `process` object of one thread
// (the main thread, or a worker thread). There is no global loop: everything
// reaches its Environment through `Environment::current()`.
//
// Users normally never touch this class: `nodecc::main()` makes one and runs
// it. Module code uses `makeCallback()` whenever libuv calls back into user
// code, which is what gives Node's ordering (ticks, then microtasks, after
// every callback).
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "nodecc/function.h"

struct uv_loop_s;

namespace nodecc {

class Error;
class Process;

namespace detail {
/// FIFO of Tasks for the nextTick and microtask queues. Each callable is stored packed
/// (its vtable pointer, then only the bytes it occupies) in a chain of 32 KiB chunks,
/// so a million queued 16-byte lambdas take 24 MB and nothing is ever copied when the
/// queue grows; an emptied queue reuses its chunk.
class TaskRing {
 public:
  TaskRing() = default;
  TaskRing(const TaskRing&) = delete;
  TaskRing& operator=(const TaskRing&) = delete;
  ~TaskRing();
  void push(Task&& t) {
    const Task::VTable* vt = t.vt_;
    if (vt && vt->align <= kSlot && tail_) [[likely]] {
      const std::size_t end = tailPos_ + kSlot + roundUp(vt->size);
      if (end <= Chunk::kBytes) [[likely]] {
        unsigned char* entry = tail_->data + tailPos_;
        *reinterpret_cast<const Task::VTable**>(entry) = vt;
        vt->move(entry + kSlot, t.storage_);
        t.vt_ = nullptr;
        tailPos_ = end;
        ++size_;
        return;
      }
    }
    pushSlow(std::move(t));
  }
  /// push(Task(f)) without the Task in between: a callable that fits a Task inline is built
  /// in the queue itself.
  template <class F>
  void emplace(F&& f) {
    using D = std::decay_t<F>;
    if constexpr (IsUniqueFunction<D>::value || !Task::template kFitsInline<D> ||
                  alignof(D) > kSlot) {
      push(Task(std::forward<F>(f)));
    } else {
      const std::size_t end = tailPos_ + kSlot + roundUp(sizeof(D));
      if (!tail_ || end > Chunk::kBytes) [[unlikely]] {
        push(Task(std::forward<F>(f)));
        return;
      }
      unsigned char* entry = tail_->data + tailPos_;
      ::new (static_cast<void*>(entry + kSlot)) D(std::forward<F>(f));
      *reinterpret_cast<const Task::VTable**>(entry) = Task::template inlineTable<D>();
      tailPos_ = end;
      ++size_;
    }
  }
  /// Runs the oldest task where it lies, then drops it (also when it throws). The chunks
  /// never move and what it pushes goes after it, so its callable stays put while it runs;
  /// clear() must not run meanwhile (it runs at teardown, outside the queue's processing).
  /// Precondition: !empty().
  void runFront() {
    if (head_ != tail_ && headPos_ == head_->used) dropHeadChunk();
    unsigned char* base = head_->data;
    const Task::VTable* vt = *reinterpret_cast<const Task::VTable* const*>(base + headPos_);
    if (!vt) [[unlikely]] {
      Task empty = pop();
      empty();
      return;
    }
    std::size_t at = headPos_ + kSlot;
    if (vt->align > kSlot) at = (at + vt->align - 1) & ~(vt->align - 1);
    void* obj = base + at;
    headPos_ = roundUp(at + vt->size);
    --size_;
    struct Drop {
      TaskRing* ring;
      const Task::VTable* vt;
      void* obj;
      ~Drop() {
        if (!vt->trivial) vt->destroy(obj);
        if (ring->size_ == 0) ring->headPos_ = ring->tailPos_ = 0;
      }
    } drop{this, vt, obj};
    vt->call(obj);
  }
  Task pop() noexcept {  // precondition: !empty()
    if (head_ != tail_ && headPos_ == head_->used) dropHeadChunk();
    const Task::VTable* vt = *reinterpret_cast<const Task::VTable* const*>(head_->data + headPos_);
    Task out;
    std::size_t at = headPos_ + kSlot;
    if (vt) {
      if (vt->align > kSlot) at = (at + vt->align - 1) & ~(vt->align - 1);
      vt->move(out.storage_, head_->data + at);
      out.vt_ = vt;
      at += vt->size;
    }
    headPos_ = roundUp(at);
    if (--size_ == 0) headPos_ = tailPos_ = 0;  // empty: start the (only) chunk over
    return out;
  }
  bool empty() const noexcept { return size_ == 0; }
  std::size_t size() const noexcept { return size_; }
  void clear() noexcept;

 private:
  // An entry is the callable's vtable pointer, then the callable (at its alignment),
  // padded to a multiple of kSlot.
  static constexpr std::size_t kSlot = sizeof(void*);
  static constexpr std::size_t roundUp(std::size_t n) { return (n + kSlot - 1) & ~(kSlot - 1); }
  struct Chunk {
    // Below glibc's 64 KiB FASTBIN_CONSOLIDATION_THRESHOLD: freeing a chunk must not
    // consolidate the fastbins each time.
    static constexpr std::size_t kBytes = 32 * 1024 - 64;
    Chunk* next;
    std::size_t used;  // where the entries end, set when the chunk stops being the tail
    alignas(std::max_align_t) unsigned char data[kBytes];
  };
  void pushSlow(Task&& t);
  void addChunk();
  void dropHeadChunk() noexcept;
  Chunk* head_ = nullptr;  // oldest chunk; entries from headPos_
  Chunk* tail_ = nullptr;  // newest chunk; entries up to tailPos_
  Chunk* spare_ = nullptr;
  std::size_t headPos_ = 0, tailPos_ = 0, size_ = 0;
};
}  // namespace detail

/// Thrown by `process::exit()` to unwind to the event loop. Do not catch it
/// (it does not derive from std::exception, so `catch (const std::exception&)`
/// is safe; `catch (...)` that swallows it will keep the script running).
struct ProcessExit {
  int code;
};

/// Options for an Environment (the main thread's comes from argv).
struct EnvironmentOptions {
  std::vector<std::string> argv;  ///< process.argv (argv[0] is the executable)
  std::vector<std::string> execArgv;
  bool isMainThread = true;
  int threadId = 0;
  /// For workers: a private copy of the environment variables (Node's default);
  /// empty optional → the real process environment (main thread, or SHARE_ENV).
  std::optional<std::vector<std::pair<std::string, std::string>>> envCopy;
  /// For workers: receives an uncaught exception that ends the Environment (after
  /// process 'exit') instead of it being printed; the parent emits it as 'error'.
  std::function<void(const Error&)> onFatalException;
  /// For workers: console output for fd 1 or 2 is handed here on the Environment's thread
  /// instead of being written to the fd (the parent gets it on the internal port).
  std::function<void(int fd, std::string_view data)> stdioSink;
  /// For workers: called on the Environment's thread right before the main script; false
  /// skips the script (a stop requested before it started: Node's Worker::Run returns
  /// before loading the script).
  std::function<bool()> beforeMainScript;
};

class Environment {
 public:
  explicit Environment(EnvironmentOptions opts = {});
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  /// The calling thread's Environment, or nullptr.
  static Environment* current() noexcept { return tlCurrent_; }
  /// The calling thread's Environment; throws ERR_NO_ENVIRONMENT-coded Error when none.
  static Environment& require() {
    Environment* e = tlCurrent_;
    if (!e) [[unlikely]]
      throwNoEnvironment();
    return *e;
  }

  /// A number unique to this Environment for the life of the process.
  std::uint64_t id() const noexcept { return id_; }
  uv_loop_s* loop() const noexcept { return loop_; }
  const EnvironmentOptions& options() const noexcept { return opts_; }
  bool isMainThread() const noexcept { return opts_.isMainThread; }

  /// Runs `mainScript` as the main module, then the loop, 'beforeExit' (re-entering
  /// the loop while it revives it) and 'exit'; returns the exit code. Call once.
  int run(Task mainScript);

  // ---- task queues ---------------------------------------------------------
  /// process.nextTick (a no-op once the process is exiting, like Node). An empty Task
  /// throws ERR_INVALID_ARG_TYPE, as Node's nextTick(undefined) does.
  void nextTick(Task t) {
    if (!t) throwCallbackNotFunction();
    if (exiting_) return;
    ticks_.push(std::move(t));
  }
  /// nextTick(Task(f)), the callable built in the queue.
  template <class F>
  void nextTickEmplace(F&& f) {
    if (exiting_) return;
    ticks_.emplace(std::forward<F>(f));
  }
  /// queueMicrotask / promise reactions (an empty Task throws, as nextTick's does).
  void queueMicrotask(Task t) {
    if (!t) throwCallbackNotFunction();
    microtasks_.push(std::move(t));
  }
  /// ERR_INVALID_ARG_TYPE: `The "callback" argument must be of type function. Received
  /// undefined` (what Node throws for a missing callback; an empty function is our undefined).
  [[noreturn]] static void throwCallbackNotFunction();
  /// queueMicrotask(Task(f)), the callable built in the queue.
  template <class F>
  void queueMicrotaskEmplace(F&& f) {
    microtasks_.emplace(std::forward<F>(f));
  }
  /// Node's getLibuvNow(): the loop's clock in milliseconds (from an arbitrary origin),
  /// brought up to date; within a millisecond already read it costs no clock call.
  std::int64_t libuvNow();
  /// Node's processTicksAndRejections: ticks, then microtasks, until both are empty.
  void processTicksAndRejections();
  /// Node's runNextTicks (between timers and between immediates).
  void runNextTicks() {
    if (ticks_.empty() && microtasks_.empty() && !hasRejectionToWarn_) return;
    processTicksAndRejections();
  }

  /// Calls user code from native code (Node's MakeCallback): an exception goes
  /// to the uncaught-exception path; when the outermost callback returns, ticks
  /// and microtasks are drained. A no-op once the Environment is stopping.
  template <class F>
  void makeCallback(F&& f) {
    if (stopping_) return;
    ++callbackDepth_;
    try {
      f();
    } catch (...) {
      handleException(std::current_exception());
    }
    if (--callbackDepth_ == 0 && !stopping_) runNextTicks();
  }
  /// Runs `f` catching exceptions like makeCallback but without draining queues
  /// (for the timer and immediate loops, which drain between callbacks themselves).
  template <class F>
  void callGuarded(F&& f) {
    if (stopping_) return;
    try {
      f();
    } catch (...) {
      handleException(std::current_exception());
    }
  }
  /// Routes an exception thrown by user code: ProcessExit stops the
  /// environment; anything else goes to 'uncaughtException' or is fatal.
  void handleException(std::exception_ptr ep);
  /// Node's triggerUncaughtException for an Error (fromPromise: an unhandled rejection).
  void triggerUncaughtException(std::exception_ptr ep, bool fromPromise = false);

  /// False once process.exit() ran or a fatal exception happened.
  bool canCallIntoUser() const noexcept { return !stopping_; }
  bool stopping() const noexcept { return stopping_; }
  bool exiting() const noexcept { return exiting_; }
  /// Stops the loop: no user callback runs after this (process.exit, terminate()).
  void stop();
  /// Thread-safe request to stop at the next return to the loop (Worker.terminate()).
  void requestStop(int exitCode);

  // ---- process state ---------------------------------------------------------
  Process& process() noexcept { return *process_; }
  std::optional<int> exitCode() const noexcept { return exitCode_; }
  void setExitCode(std::optional<int> c) noexcept { exitCode_ = c; }
  /// Emits 'exit' once (guarded), as process.exit() and the normal end do.
  void emitExit(bool fromProcessExit = false);

  // ---- teardown ---------------------------------------------------------------
  /// Registers a function run when the Environment ends (after 'exit', before the
  /// loop's handles are closed). Returns a token for removeCleanupHook.
  std::uint64_t addCleanupHook(Task hook);
  void removeCleanupHook(std::uint64_t token);

  /// Internal (bindings): every open libuv handle registers here so teardown can
  /// close it. `close` must start closing the handle without calling user code.
  struct HandleEntry {
    HandleEntry* prev = nullptr;
    HandleEntry* next = nullptr;
    virtual void closeForTeardown() = 0;
    virtual ~HandleEntry() = default;
  };
  void registerHandle(HandleEntry* h) noexcept;
  void unregisterHandle(HandleEntry* h) noexcept;

  /// Internal (modules): an object that keeps itself alive (an open socket, a listening
  /// server) registers here. At teardown, after the cleanup hooks and before the handles
  /// are closed, each one is released without user code: its handle closed, its listeners
  /// dropped, its self-reference let go. Node simply exits with such objects open; we
  /// free them, so a program that ends that way leaves nothing behind.
  struct ResourceEntry {
    ResourceEntry* prevResource = nullptr;
    ResourceEntry* nextResource = nullptr;
    Environment* resourceEnv = nullptr;
    /// Returns a strong reference to the object (or null); the Environment drops it
    /// after the call, so the object is never destroyed inside its own member function.
    virtual std::shared_ptr<void> releaseForTeardown() = 0;

   protected:
    ResourceEntry() = default;
    ResourceEntry(const ResourceEntry&) = delete;
    ResourceEntry& operator=(const ResourceEntry&) = delete;
    ~ResourceEntry() { untrackResource(this); }
  };
  /// Links `r` into the current Environment's list (no-op without one).
  static void trackResource(ResourceEntry* r) noexcept;
  /// Unlinks `r` (no-op when it is not linked); ~ResourceEntry calls it.
  static void untrackResource(ResourceEntry* r) noexcept;

  /// Internal state of timers, immediates and process (defined in runtime/src).
  struct Impl;
  Impl& impl() noexcept { return *impl_; }

  /// Internal: promise rejection bookkeeping (see promise.h).
  void setHasRejectionToWarn(bool v) noexcept { hasRejectionToWarn_ = v; }

 private:
  friend class Process;
  [[noreturn]] static void throwNoEnvironment();
  static constinit thread_local Environment* tlCurrent_;
  void drainTicksOnce();
  void reportFatalException(const Error& err);
  void teardown();

  std::uint64_t id_;
  EnvironmentOptions opts_;
  uv_loop_s* loop_ = nullptr;
  detail::TaskRing ticks_;
  detail::TaskRing microtasks_;
  int callbackDepth_ = 0;
  bool stopping_ = false;
  bool exiting_ = false;
  bool exitEmitted_ = false;
  bool hasRejectionToWarn_ = false;
  bool inTickProcessing_ = false;
  std::optional<int> exitCode_;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<Process> process_;
  HandleEntry* handles_ = nullptr;
  ResourceEntry* resources_ = nullptr;
  std::vector<std::pair<std::uint64_t, Task>> cleanupHooks_;
  std::uint64_t nextHookToken_ = 1;
  Environment* previous_ = nullptr;
  friend struct EnvironmentAccess;
};

namespace detail {
/// Throws ERR_INVALID_ARG_TYPE for an empty callback (a null function pointer, an empty
/// std::function or Task): Node's validateFunction(callback, 'callback').
template <class T>
struct IsNullableFunction : std::false_type {};
template <class S>
struct IsNullableFunction<std::function<S>> : std::true_type {};
template <class S, std::size_t N>
struct IsNullableFunction<UniqueFunction<S, N>> : std::true_type {};
template <class F>
void validateCallback(const F& f) {
  using D = std::remove_cvref_t<F>;
  if constexpr (std::is_pointer_v<D> || IsNullableFunction<D>::value) {
    if (!f) Environment::throwCallbackNotFunction();
  }
}
}  // namespace detail

/// `process.nextTick(fn, ...args)`. An empty `fn` throws ERR_INVALID_ARG_TYPE.
template <class F, class... Args>
void nextTick(F&& f, Args&&... args) {
  detail::validateCallback(f);
  if constexpr (sizeof...(Args) == 0) {
    Environment::require().nextTickEmplace(std::forward<F>(f));
  } else {
    Environment::require().nextTickEmplace(
        [f = std::forward<F>(f), ... a = std::forward<Args>(args)]() mutable { f(a...); });
  }
}

/// `queueMicrotask(fn)`. As in Node, a throw is reported as uncaught and the queue goes
/// on: processTicksAndRejections routes it to handleException. An empty `fn` throws
/// ERR_INVALID_ARG_TYPE.
template <class F>
void queueMicrotask(F&& f) {
  detail::validateCallback(f);
  Environment::require().queueMicrotaskEmplace(std::forward<F>(f));
}

}  // namespace nodecc
