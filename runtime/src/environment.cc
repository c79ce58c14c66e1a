// Environment: the per-thread loop, task queues and Node's run/exit sequence.
#include "nodecc/environment.h"

#include <uv.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "nodecc/console.h"
#include "nodecc/process.h"
#include "nodecc/timers.h"
#include "nodecc/pool.h"
#include "runtime/src/internal.h"

namespace nodecc {

namespace {
std::atomic<std::uint64_t> gNextEnvId{1};
}  // namespace

// ---- TaskRing -------------------------------------------------------------------

namespace detail {
TaskRing::~TaskRing() {
  clear();
  for (Chunk* c : {head_, spare_}) {
    while (c) {
      Chunk* next = c->next;
      pool::freeChunk(c);  // Chunk is trivially destructible
      c = next;
    }
  }
}

void TaskRing::clear() noexcept {
  while (size_) pop();
}

void TaskRing::addChunk() {
  // From the pool's 32 KiB class (huge pages: a long queue faults once per 2 MiB).
  static_assert(sizeof(Chunk) <= pool::kChunkBytes && std::is_trivially_destructible_v<Chunk>);
  Chunk* c = spare_;
  if (c)
    spare_ = nullptr;
  else
    c = ::new (pool::allocateChunk()) Chunk;
  c->next = nullptr;
  c->used = 0;
  if (tail_) {
    tail_->used = tailPos_;
    tail_->next = c;
  } else {
    head_ = c;
  }
  tail_ = c;
  tailPos_ = 0;
}

void TaskRing::dropHeadChunk() noexcept {
  Chunk* c = head_;
  head_ = c->next;
  headPos_ = 0;
  if (spare_) {
    pool::freeChunk(c);
  } else {
    c->next = nullptr;
    spare_ = c;
  }
}

// push() without room in the tail chunk, before the first chunk, for an empty Task or for
// a callable aligned beyond kSlot.
void TaskRing::pushSlow(Task&& t) {
  const Task::VTable* vt = t.vt_;
  const std::size_t size = vt ? vt->size : 0, align = vt ? vt->align : 1;
  auto alignUp = [](std::size_t n, std::size_t a) { return (n + a - 1) & ~(a - 1); };
  std::size_t at = alignUp(tailPos_ + kSlot, align);
  if (!tail_ || at + size > Chunk::kBytes) {
    addChunk();
    at = alignUp(kSlot, align);
  }
  unsigned char* base = tail_->data;
  *reinterpret_cast<const Task::VTable**>(base + tailPos_) = vt;
  if (vt) {
    vt->move(base + at, t.storage_);
    t.vt_ = nullptr;
  }
  tailPos_ = roundUp(at + size);
  ++size_;
}
}  // namespace detail

// ---- lifetime -----------------------------------------------------------------------

Environment::Environment(EnvironmentOptions opts)
    : id_(gNextEnvId.fetch_add(1)), opts_(std::move(opts)) {
  if (opts_.argv.empty()) opts_.argv.push_back("nodecc");
  previous_ = tlCurrent_;
  tlCurrent_ = this;
  loop_ = new uv_loop_t;
  if (int r = uv_loop_init(loop_); r != 0) {
    delete loop_;
    tlCurrent_ = previous_;
    throw errors::uvException(r, "uv_loop_init");
  }
  loop_->data = this;  // a handle finds its Environment from its loop (HandleWrap::env)
  impl_ = std::make_unique<Impl>(*this);
  Impl& I = *impl_;
  uv_update_time(loop_);
  I.timerBase = static_cast<std::int64_t>(uv_now(loop_));
  uv_timer_init(loop_, &I.timerHandle);
  I.timerHandle.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&I.timerHandle));
  uv_check_init(loop_, &I.immediateCheck);
  I.immediateCheck.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&I.immediateCheck));
  uv_check_start(&I.immediateCheck, &Impl::onCheck);
  uv_idle_init(loop_, &I.immediateIdle);
  I.immediateIdle.data = this;
  uv_async_init(loop_, &I.stopAsync, [](uv_async_t* a) {
    auto* env = static_cast<Environment*>(a->data);
    if (env->impl_->stopRequested.load()) {
      env->exitCode_ = env->impl_->stopExitCode.load();
      env->exiting_ = true;
      // Node's Worker::StopThread terminates JS execution: no 'exit' event runs.
      env->exitEmitted_ = true;
      env->stop();
    }
  });
  I.stopAsync.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&I.stopAsync));
  I.stopAsyncInit = true;
  if (opts_.envCopy) {
    I.ownEnv = true;
    for (auto& [k, v] : *opts_.envCopy) I.envVars[k] = v;
  }
  process_ = std::make_unique<Process>(*this);
}

Environment::~Environment() {
  teardown();
  process_.reset();
  impl_.reset();
  if (loop_) {
    int r = uv_loop_close(loop_);
    if (r != 0) {
      // A handle leaked past teardown: report it rather than crash, then walk the loop.
      uv_walk(
          loop_,
          [](uv_handle_t* h, void*) {
            std::fprintf(stderr, "nodecc: handle of type %s left open at teardown\n",
                         uv_handle_type_name(uv_handle_get_type(h)));
          },
          nullptr);
    } else {
      delete loop_;
    }
  }
  loop_ = nullptr;
  if (tlCurrent_ == this) tlCurrent_ = previous_;
}

constinit thread_local Environment* Environment::tlCurrent_ = nullptr;

void Environment::throwCallbackNotFunction() {
  throw errors::invalidArgType("callback", "of type function", "undefined");
}

void Environment::throwNoEnvironment() {
  throw errors::error("ERR_NO_ENVIRONMENT",
                      "No nodecc Environment on this thread: call nodecc APIs from inside "
                      "nodecc::main() or a Worker");
}

namespace {
// The Environment's two intrusive lists (open handles, live emitters): push at the head,
// unlink from anywhere.
template <class T, T* T::*Prev, T* T::*Next>
void pushFront(T*& head, T* n) noexcept {
  n->*Prev = nullptr;
  n->*Next = head;
  if (head) head->*Prev = n;
  head = n;
}
template <class T, T* T::*Prev, T* T::*Next>
void unlink(T*& head, T* n) noexcept {
  if (n->*Prev)
    (n->*Prev)->*Next = n->*Next;
  else if (head == n)
    head = n->*Next;
  if (n->*Next) (n->*Next)->*Prev = n->*Prev;
  n->*Prev = n->*Next = nullptr;
}
}  // namespace

void Environment::registerHandle(HandleEntry* h) noexcept {
  pushFront<HandleEntry, &HandleEntry::prev, &HandleEntry::next>(handles_, h);
}

void Environment::unregisterHandle(HandleEntry* h) noexcept {
  unlink<HandleEntry, &HandleEntry::prev, &HandleEntry::next>(handles_, h);
}

void Environment::trackResource(ResourceEntry* r) noexcept {
  Environment* env = tlCurrent_;
  if (!env || r->resourceEnv) return;
  r->resourceEnv = env;
  pushFront<ResourceEntry, &ResourceEntry::prevResource, &ResourceEntry::nextResource>(
      env->resources_, r);
}

void Environment::untrackResource(ResourceEntry* r) noexcept {
  Environment* env = r->resourceEnv;
  if (!env) return;
  unlink<ResourceEntry, &ResourceEntry::prevResource, &ResourceEntry::nextResource>(env->resources_,
                                                                                    r);
  r->resourceEnv = nullptr;
}

std::uint64_t Environment::addCleanupHook(Task hook) {
  std::uint64_t t = nextHookToken_++;
  cleanupHooks_.emplace_back(t, std::move(hook));
  return t;
}

void Environment::removeCleanupHook(std::uint64_t token) {
  for (auto it = cleanupHooks_.begin(); it != cleanupHooks_.end(); ++it) {
    if (it->first == token) {
      cleanupHooks_.erase(it);
      return;
    }
  }
}

void Environment::stop() {
  if (stopping_) return;
  stopping_ = true;
  exiting_ = true;
  if (loop_) uv_stop(loop_);
}

void Environment::requestStop(int exitCode) {
  impl_->stopExitCode.store(exitCode);
  impl_->stopRequested.store(true);
  uv_async_send(&impl_->stopAsync);
}

void Environment::teardown() {
  if (!loop_ || !impl_) return;
  stopping_ = true;
  exiting_ = true;
  // Cleanup hooks (LIFO, like Node's), e.g. terminating workers.
  while (!cleanupHooks_.empty()) {
    Task hook = std::move(cleanupHooks_.back().second);
    cleanupHooks_.pop_back();
    try {
      hook();
    } catch (...) {
    }
  }
  // Objects that keep themselves alive (open sockets, listening servers) let go of
  // their handles, listeners and self-references; dropping one may free others, which
  // unlink themselves. (`process` is one of them: it also stops its signal watchers.)
  while (resources_) {
    ResourceEntry* r = resources_;
    untrackResource(r);
    std::shared_ptr<void> keep;
    try {
      keep = r->releaseForTeardown();
    } catch (...) {
    }
  }
  ticks_.clear();
  microtasks_.clear();
  impl_->pendingRejections.clear();
  Impl& I = *impl_;
  // Drop every timer and immediate (their self-references keep them alive).
  for (auto& [ms, list] : I.timerListMap) {
    for (Timeout* t = list->head; t;) {
      Timeout* next = t->idleNext;
      t->idlePrev = t->idleNext = nullptr;
      t->destroyed = true;
      t->envId = 0;
      TimeoutPtr keep = t->listRef ? TimeoutPtr::adopt(t) : TimeoutPtr();
      t->listRef = false;
      t = next;
    }
  }
  I.timerListMap.clear();
  I.lastList = nullptr;
  for (detail::ImmediateList* q : {&I.immediateQueue, &I.outstandingQueue}) {
    for (Immediate* i = q->head; i;) {
      Immediate* next = i->idleNext;
      i->idlePrev = i->idleNext = nullptr;
      i->destroyed = true;
      i->envId = 0;
      ImmediatePtr keep = i->queued ? ImmediatePtr::adopt(i) : ImmediatePtr();
      i->queued = false;
      i = next;
    }
    q->head = q->tail = nullptr;
  }
  // Close every registered libuv handle without user callbacks.
  while (handles_) {
    HandleEntry* h = handles_;
    unregisterHandle(h);
    h->closeForTeardown();
  }
  auto closeRaw = [](uv_handle_t* h) {
    if (!uv_is_closing(h)) uv_close(h, nullptr);
  };
  closeRaw(reinterpret_cast<uv_handle_t*>(&I.timerHandle));
  closeRaw(reinterpret_cast<uv_handle_t*>(&I.immediateCheck));
  closeRaw(reinterpret_cast<uv_handle_t*>(&I.immediateIdle));
  closeRaw(reinterpret_cast<uv_handle_t*>(&I.stopAsync));
  // Let close callbacks run (they free binding objects).
  for (int i = 0; i < 64 && uv_run(loop_, UV_RUN_NOWAIT) != 0; ++i) {
  }
  // Anything still open is closed by force.
  uv_walk(
      loop_,
      [](uv_handle_t* h, void*) {
        if (!uv_is_closing(h)) uv_close(h, nullptr);
      },
      nullptr);
  uv_run(loop_, UV_RUN_DEFAULT);
}

// ---- the run sequence (Node's SpinEventLoop) ------------------------------------------

void Environment::emitExit(bool fromProcessExit) {
  if (exitEmitted_) return;
  exitEmitted_ = true;
  exiting_ = true;
  int code = exitCode_.value_or(0);
  try {
    process_->emit("exit", code);
  } catch (const ProcessExit&) {
    stop();
  } catch (...) {
    // Node emits 'exit' from JS: a listener's exception takes the ordinary uncaught path
    // (an 'uncaughtException' handler keeps the process running, and the natural exit
    // emits 'exit' again; unhandled, the status is exitCode, else 1).
    if (fromProcessExit) {
      exitEmitted_ = false;
      throw;
    }
    triggerUncaughtException(std::current_exception(), false);
  }
}

int Environment::run(Task mainScript) {
  // A forked child opens its IPC channel before the main script, as Node does.
  if (opts_.isMainThread) detail::setupChildProcessIpcChannel(*this);
  if (!opts_.beforeMainScript || opts_.beforeMainScript()) makeCallback(mainScript);
  if (!stopping_) {
    bool more;
    do {
      uv_run(loop_, UV_RUN_DEFAULT);
      if (stopping_) break;
      more = uv_loop_alive(loop_) != 0;
      if (more) continue;
      // 'beforeExit' with process.exitCode (0 when unset)
      makeCallback([this] { process_->emit("beforeExit", exitCode_.value_or(0)); });
      if (stopping_) break;
      more = uv_loop_alive(loop_) != 0;
    } while (more && !stopping_);
  }
  exiting_ = true;
  if (!exitEmitted_) emitExit();
  int code = exitCode_.value_or(0);
  teardown();
  return code;
}

// ---- ticks, microtasks, rejections -------------------------------------------------------

void Environment::processTicksAndRejections() {
  if (inTickProcessing_ || stopping_) return;
  inTickProcessing_ = true;
  do {
    while (!ticks_.empty()) {
      try {
        ticks_.runFront();
      } catch (...) {
        // Node: the exception leaves processTicksAndRejections; the remaining ticks
        // run when the next callback scope closes.
        inTickProcessing_ = false;
        handleException(std::current_exception());
        return;
      }
      if (stopping_) {
        inTickProcessing_ = false;
        return;
      }
    }
    while (!microtasks_.empty()) {
      try {
        microtasks_.runFront();
      } catch (...) {
        handleException(std::current_exception());
      }
      if (stopping_) {
        inTickProcessing_ = false;
        return;
      }
    }
  } while (!ticks_.empty() || [this] {
    try {
      return impl_->processPromiseRejections();
    } catch (...) {
      // Node: the listener's exception leaves processTicksAndRejections.
      inTickProcessing_ = false;
      handleException(std::current_exception());
      return false;
    }
  }());
  if (!inTickProcessing_ || stopping_) {
    inTickProcessing_ = false;
    return;
  }
  hasRejectionToWarn_ = false;
  inTickProcessing_ = false;
}

bool Environment::Impl::processPromiseRejections() {
  if (pendingRejections.empty() && asyncHandledRejections.empty()) return false;
  // Node's processPromiseRejections. A throw from a listener leaves it (and
  // processTicksAndRejections) for the uncaught-exception path; the rest of the batch it
  // had taken is dropped, as in Node.
  bool maybeScheduled = !asyncHandledRejections.empty();
  // First 'rejectionHandled' for reported rejections that got a handler since, or a
  // PromiseRejectionHandledWarning when nobody listens.
  while (!asyncHandledRejections.empty()) {
    std::uint32_t uid = asyncHandledRejections.front();
    asyncHandledRejections.erase(asyncHandledRejections.begin());
    if (!env.process().emit("rejectionHandled")) {
      Error w("Promise rejection was handled asynchronously (rejection id: " + std::to_string(uid) +
              ")");
      w.name = "PromiseRejectionHandledWarning";
      process::emitWarning(std::move(w));
    }
    if (env.stopping()) return false;
  }
  // The batch: rejections handled before it is taken are gone (Node's handledRejection
  // deletes them from the pending map); one handled by a listener of this batch is still
  // reported (it is in neither map by then).
  auto list = std::move(pendingRejections);
  pendingRejections.clear();
  std::erase_if(list, [](const auto& st) { return st->handled; });
  for (auto& st : list) {
    st->reportedUnhandled = true;
    Error reason = st->reason ? *st->reason : Error("undefined");
    bool handled = env.process().emit("unhandledRejection", reason);
    if (!handled && !env.stopping()) {
      env.triggerUncaughtException(std::make_exception_ptr(reason), true);
    }
    if (env.stopping()) return false;
    maybeScheduled = true;
  }
  return maybeScheduled || !pendingRejections.empty();
}

namespace detail {
void PromiseStateBase::markHandled() {
  if (handled) return;
  handled = true;
  if (status == Status::Rejected && reportedUnhandled && env->canCallIntoUser()) {
    // A rejection handled after being reported: 'rejectionHandled' is emitted by the next
    // processPromiseRejections (after the microtasks), as Node's handledRejection() does.
    env->impl().asyncHandledRejections.push_back(rejectionId);
    env->setHasRejectionToWarn(true);
  }
}
void PromiseStateBase::settle() {
  for (auto& r : reactions) env->queueMicrotask(std::move(r));
  reactions.clear();
}
void PromiseStateBase::trackRejection(const std::shared_ptr<PromiseStateBase>& self) {
  rejectionId = ++env->impl().lastPromiseId;
  env->impl().pendingRejections.push_back(self);
  env->setHasRejectionToWarn(true);
}
}  // namespace detail

// ---- exceptions -------------------------------------------------------------------------------

void Environment::handleException(std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const ProcessExit&) {
    stop();
    return;
  } catch (...) {
  }
  triggerUncaughtException(ep, false);
}

void Environment::triggerUncaughtException(std::exception_ptr ep, bool fromPromise) {
  if (stopping_) return;
  Error err = errors::fromException(ep);
  std::string origin = fromPromise ? "unhandledRejection" : "uncaughtException";
  try {
    process_->emit("uncaughtExceptionMonitor", err, origin);
    if (process_->listenerCount("uncaughtException") > 0) {
      process_->emit("uncaughtException", err, origin);
      // Make sure ticks queued before the throw get processed (Node: setImmediate(noop)).
      if (!stopping_) detail::scheduleImmediate([] {});
      return;
    }
  } catch (const ProcessExit&) {
    stop();
    return;
  } catch (...) {
    // A throw inside the handler is fatal (exit code 7). Node's TryCatchScope(kFatal)
    // prints it and calls env->Exit(7) directly: no 'exit' event.
    Error inner = errors::fromException(std::current_exception());
    exiting_ = true;
    exitEmitted_ = true;
    reportFatalException(inner);
    exitCode_ = 7;
    stop();
    return;
  }
  // No handler: 'exit' with code 1 (unless the process is already exiting), print, stop.
  if (!exiting_) {
    exiting_ = true;
    exitCode_ = 1;
    emitExit();
  }
  exitEmitted_ = true;
  reportFatalException(err);
  if (!exitCode_) exitCode_ = 1;
  stop();
}

void Environment::reportFatalException(const Error& err) {
  // A worker hands the error to its parent (Node's worker fatalException), which
  // emits it as 'error'; nothing is printed on the worker's stderr.
  if (opts_.onFatalException)
    opts_.onFatalException(err);
  else
    printFatalException(err);
}

void printFatalException(const Error& err) {
  std::string out = util::inspect(err);
  // Node's stack has frames, so the " {" opening an error's own properties ends the
  // last frame line, never the "Error: message" line. Ours has no frames: give the
  // header line its own line, as Node's is.
  std::size_t eol = out.find('\n');
  if (eol != std::string::npos && eol >= 2 && out.compare(eol - 2, 2, " {") == 0) {
    out.replace(eol - 2, 2, "\n {");
  }
  out += "\n\nNode.js " + process::version() + "\n";
  console::detail::writeErr(std::move(out));
}

}  // namespace nodecc
