// nodecc/worker_threads.h — Node's `worker_threads`: threads with their own event loop.
//
// A Worker runs a C++ callable as its "main script" on a new thread with its own
// Environment (loop, timers, nextTick and microtask queues, `process`), as a Node
// worker runs a script in its own isolate. The two sides talk through
// MessagePorts: messages are `Value`s, deep-copied (structured clone) or, for the
// bytes of a Buffer named in the transfer list, moved without copying. A Buffer made
// with `Buffer::allocShared` is a SharedArrayBuffer: both threads see the same
// bytes; use <nodecc/atomics.h> for the accesses that race.
//
//   void script() {                                    // new Worker(__filename)
//     if (worker_threads::isMainThread()) {
//       auto worker = worker_threads::Worker::create(script, {.workerData = 42});
//       worker->on("message", [](const Value& m) { console::log(m); });
//     } else {
//       worker_threads::parentPort()->postMessage(worker_threads::workerData());
//     }
//   }
//   int main(int argc, char** argv) { return nodecc::main(argc, argv, script); }
//
// Differences from Node, because C++ is not JavaScript:
// * The worker's entry is a C++ callable (run on the worker's thread: it must not
//   touch the parent's objects; pass data as workerData or messages) or a name
//   registered with `registerWorker` (how `new Worker('./task.js')` ports).
// * terminate() takes effect when the worker next returns to its event loop. C++
//   code in a tight loop (or blocked in a system call) cannot be interrupted the way
//   V8 interrupts JavaScript: terminate() then waits until that code returns, and
//   the returned Promise stays pending meanwhile. The exit code is 1 whenever
//   terminate() came before the worker ended on its own, also when the callback it
//   waited for was the loop's last work (the loop then ends by itself; the worker's
//   own process 'beforeExit'/'exit' may still run in that case, where Node's would not).
// * When an Environment ends (the main script's process exits) its running workers
//   are terminated and joined. A worker that does not return to its loop within one
//   second is reported on stderr and left running detached, so that the process can
//   still exit (Node ends such a worker at once).
// * resourceLimits are reported to the worker as given; only stackSizeMb (the
//   thread's stack, default 4) is enforced: there is no JS heap to bound.
// * Properties are functions: `worker_threads::isMainThread()`, `parentPort()`,
//   `workerData()`, `threadId()`, `resourceLimits()`, `worker->threadId()`.
// * Listeners receive the message itself (EventEmitter style, as `port.on('message')`
//   in Node), for BroadcastChannel too (Node gives a MessageEvent there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "nodecc/atomics.h"
#include "nodecc/buffer.h"
#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/function.h"
#include "nodecc/promise.h"
#include "nodecc/stream.h"
#include "nodecc/value.h"

namespace nodecc::bindings {
class MessagePortData;
class MessagePortWrap;
class WorkerThread;
struct PortMessage;
}  // namespace nodecc::bindings

namespace nodecc::worker_threads {

class MessagePort;
class Worker;
class BroadcastChannel;
class WorkerStdio;
using MessagePortPtr = std::shared_ptr<MessagePort>;
using WorkerPtr = std::shared_ptr<Worker>;
using BroadcastChannelPtr = std::shared_ptr<BroadcastChannel>;

/// One entry of a transfer list: a MessagePort, or a Buffer, which stands for its
/// whole backing store (Node lists `typedArray.buffer`, the ArrayBuffer): every view
/// of that store in the sender becomes empty (detached) and the receiver's views
/// share the moved bytes, which are not copied.
class Transferable {
 public:
  Transferable(MessagePortPtr port) : item_(std::move(port)) {}  // NOLINT
  Transferable(const Buffer& buffer) : item_(buffer) {}          // NOLINT
  const MessagePortPtr* port() const noexcept { return std::get_if<MessagePortPtr>(&item_); }
  const Buffer* buffer() const noexcept { return std::get_if<Buffer>(&item_); }

 private:
  std::variant<MessagePortPtr, Buffer> item_;
};
using TransferList = std::vector<Transferable>;

/// Node's MessagePort: one end of a MessageChannel, on the thread that created or
/// received it. Events: 'message'(Value), 'messageerror'(Error), 'close'().
/// Difference: 'messageerror' is declared but never emitted. Node emits it when the
/// receiving side fails to deserialize a message; here a message is cloned on the sending
/// thread, so everything that could fail fails there, as postMessage's DataCloneError.
/// As in Node, a port is unref'd (does not keep the loop alive) and does not deliver
/// messages until it has a 'message' listener; messages wait in its queue meanwhile.
/// Use a port only on its own thread. A port that is ref'd (it has a 'message'
/// listener or ref() was called) lives until closed even when no pointer to it is
/// left; dropping the last pointer to an unref'd port closes it (Node's GC would).
class MessagePort : public EventEmitter {
 public:
  /// Makes a `MessagePortPtr` usable as a Value (`Object{{"port", port}}`).
  static constexpr std::string_view kHostObjectType = "MessagePort";

  ~MessagePort() override;
  NODECC_EMITTER_METHODS(MessagePort)
  std::string className() const override { return "MessagePort"; }

  /// `port.postMessage(value[, transferList])`. Throws (and transfers nothing) when the
  /// value cannot be cloned: a port in the value but not in the list is a TypeError
  /// ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST; a SharedArrayBuffer in the list is
  /// ERR_INVALID_TRANSFER_OBJECT; the source port, a detached port or a duplicate in
  /// the list, a detached Buffer in the value, or a host object that is not a port, is
  /// an Error named DataCloneError (Node's DOMException, `info.code` 25). On a closed
  /// or transferred port the message is checked, then dropped silently, as in Node.
  void postMessage(const Value& value, const TransferList& transferList = {});
  /// `port.start()`: starts delivering queued and future messages.
  void start();
  /// `port.close()`: 'close' is emitted here, and on the other end once it has
  /// received what was sent before.
  void close();
  /// `port.close(callback)`: `callback` runs on 'close'.
  template <class F>
  void close(F&& callback) {
    once("close", std::forward<F>(callback));
    close();
  }
  /// `port.ref()` / `port.unref()` / `port.hasRef()`.
  MessagePort& ref();
  MessagePort& unref();
  bool hasRef() const noexcept;
  /// False once closed or transferred (Node's inspect shows `active: false`).
  bool active() const noexcept;

 protected:
  const detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;
  void listenerRemoved(std::string_view event) override;

 private:
  friend struct PortAccess;
  explicit MessagePort(Environment& env);
  void onSignal();
  void processMessages(bool force);
  void stopReceiving();
  void setRef(bool ref);
  void updateSelfRef();
  void onHandleClosed();

  Environment* env_;
  std::uint64_t envId_;
  bindings::MessagePortWrap* wrap_ = nullptr;  // until the handle's close callback
  bool receiving_ = false;
  bool refed_ = false;
  bool closing_ = false;
  // Internal ports (a Worker's, a BroadcastChannel's) hand messages here, not to 'message'.
  std::function<void(Value&)> sink_;
  std::function<void()> closedHook_;
  std::shared_ptr<MessagePort> self_;  // while ref'd and open, and while closing
};

/// `new MessageChannel()`: two entangled ports. `auto [port1, port2] = MessageChannel();`
struct MessageChannel {
  MessageChannel();
  MessagePortPtr port1;
  MessagePortPtr port2;
};

/// `receiveMessageOnPort(port)`: the oldest queued message as `{ message }`, or
/// undefined when there is none, synchronously and without emitting 'message'.
/// Throws ERR_INVALID_ARG_TYPE for a null port, as Node does for a non-port.
Value receiveMessageOnPort(const MessagePortPtr& port);

/// Node's BroadcastChannel: every channel of the same name, on any thread, receives
/// what one posts. Events: 'message'(Value), 'messageerror'(Error) (never emitted, as on
/// MessagePort). As in Node it is
/// ref'd from creation (it keeps the loop alive until close() or unref()).
/// Differences: an EventEmitter whose listeners get the data (Node: an EventTarget
/// with MessageEvents); `BroadcastChannel::create(name)` for `new BroadcastChannel(name)`.
class BroadcastChannel : public EventEmitter {
 public:
  static BroadcastChannelPtr create(std::string name);
  ~BroadcastChannel() override;
  NODECC_EMITTER_METHODS(BroadcastChannel)
  std::string className() const override { return "BroadcastChannel"; }

  const std::string& name() const noexcept { return name_; }
  /// `bc.postMessage(message)`: throws an Error named InvalidStateError
  /// ("BroadcastChannel is closed.", `info.code` 11) after close(); DataCloneError as
  /// MessagePort::postMessage (no transfer list).
  void postMessage(const Value& message);
  /// `bc.close()`: idempotent.
  void close();
  BroadcastChannel& ref();
  BroadcastChannel& unref();
  /// False once closed.
  bool active() const noexcept { return port_ != nullptr; }

 protected:
  const detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  explicit BroadcastChannel(std::string name) : name_(std::move(name)) {}
  std::string name_;
  MessagePortPtr port_;  // nullptr once closed
  std::shared_ptr<BroadcastChannel> self_;
};

/// `worker_threads.SHARE_ENV` (for WorkerOptions::env).
struct ShareEnv {};
inline constexpr ShareEnv SHARE_ENV{};

/// Node's resourceLimits option. Only stackSizeMb is enforced (the worker thread's
/// stack size); the others are reported to the worker as given, since there is no JS
/// heap. Unset fields are reported as 0 (stackSizeMb as 4, Node's default).
struct ResourceLimits {
  std::optional<double> maxYoungGenerationSizeMb;
  std::optional<double> maxOldGenerationSizeMb;
  std::optional<double> codeRangeSizeMb;
  std::optional<double> stackSizeMb;
};

/// `new Worker(filename, options)` options, in the order of Node's documentation so
/// that designated initializers work: `Worker::create(script, {.workerData = v})`.
/// Not supported: eval (the entry is code already), stdin, trackUnmanagedFds.
struct WorkerOptions {
  /// Appended to the worker's process.argv (after the executable and the script name).
  std::vector<std::string> argv;
  /// The worker's process.env: a copy of the parent's taken now (default), the given
  /// variables, or SHARE_ENV (the process environment itself, read and written by all).
  std::variant<std::monostate, std::map<std::string, std::string>, ShareEnv> env;
  /// The worker's process.execArgv (default: the parent's).
  std::optional<std::vector<std::string>> execArgv;
  /// true: the worker's console output goes only to `worker->stdout()` / `stderr()`.
  /// false (Node's default): those streams are piped into the parent's own output. Either
  /// way it reaches the parent's loop as messages, in order, before the worker's 'exit'.
  bool stdout = false;  // NOLINT (Node's option name)
  bool stderr = false;  // NOLINT
  /// Cloned (with transferList) into the worker's `workerData()`.
  Value workerData;
  /// Ports and Buffers moved into workerData.
  TransferList transferList;
  ResourceLimits resourceLimits;
  /// Names the worker (also the OS thread name, truncated to 15 bytes).
  std::string name;
};

/// `worker.stdout` / `worker.stderr`: Node's ReadableWorkerStdio, a stream.Readable of the
/// worker's console output ('data' chunks as Buffers, or strings after setEncoding; pipe,
/// pause/resume, read), ended when the worker exits (before its 'exit' is emitted; 'end'
/// and 'close' follow on later ticks). Unless WorkerOptions::stdout / stderr is set, it is
/// piped into the parent's own output. It drops its listeners after 'close'. Difference:
/// reading it does not ref the worker's port (a running worker keeps the loop alive unless
/// unref'd; an unref'd one does not wait for a reader).
class WorkerStdio : public stream::Readable {
 public:
  WorkerStdio() = default;
  NODECC_EMITTER_METHODS(WorkerStdio)
  std::string className() const override { return "ReadableWorkerStdio"; }

 protected:
  void _read(std::size_t) override {}  // the worker pushes; nothing to ask for
  void afterClose() override;
};

/// Node's Worker. Events: 'online'(), 'message'(Value), 'messageerror'(Error) (never
/// emitted, as on MessagePort), 'error'(Error) for an exception the worker did not catch
/// (followed by 'exit' 1),
/// 'exit'(int) last, after every message the worker sent was emitted.
/// A running worker keeps itself alive (and, unless unref'd, the loop).
class Worker : public EventEmitter {
 public:
  /// `new Worker(__filename, options)`: `script` is the worker's main script, run on
  /// the new thread inside its own Environment (process.argv[1] is the parent's).
  static WorkerPtr create(Task script, WorkerOptions options = {});
  /// `new Worker(filename, options)` for a script registered with registerWorker():
  /// `filename` matches a registered name exactly, or by its base name without
  /// directory and .js/.mjs/.cjs extension (so `path::resolve(__dirname, "task.js")`
  /// finds "task"). An unknown name fails in the worker as Node fails to load a
  /// missing file: 'error' (MODULE_NOT_FOUND), then 'exit' 1.
  static WorkerPtr create(std::string_view filename, WorkerOptions options = {});
  ~Worker() override;
  NODECC_EMITTER_METHODS(Worker)
  std::string className() const override { return "Worker"; }

  /// `worker.postMessage(value[, transferList])` to the worker's parentPort (see
  /// MessagePort::postMessage); dropped after 'exit'.
  void postMessage(const Value& value, const TransferList& transferList = {});
  /// `worker.terminate()`: stops the worker at its next return to its event loop; the
  /// Promise resolves with the exit code (1) at 'exit'. Calling it again is harmless.
  /// Difference: after 'exit' it resolves with the exit code (Node: undefined).
  Promise<int> terminate();
  /// `worker.ref()` / `worker.unref()`.
  Worker& ref();
  Worker& unref();
  /// `worker.threadId`: -1 after 'exit'.
  int threadId() const noexcept { return exited_ ? -1 : threadId_; }
  /// `worker.resourceLimits`: as the worker sees them; `{}` after 'exit'.
  Value resourceLimits() const;
  /// `worker.stdout` / `worker.stderr` (see WorkerStdio).
  const std::shared_ptr<WorkerStdio>& stdout() const noexcept { return stdout_; }  // NOLINT
  const std::shared_ptr<WorkerStdio>& stderr() const noexcept { return stderr_; }  // NOLINT

 protected:
  const detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;
  void listenerRemoved(std::string_view event) override;

 private:
  friend struct WorkerAccess;
  friend struct WorkerStart;
  Worker() = default;
  void onInternalMessage(Value& msg);
  void onExit(int code);
  void disposeAtTeardown();

  std::shared_ptr<bindings::WorkerThread> thread_;
  MessagePortPtr publicPort_;    // port1: the worker's parentPort is the other end
  MessagePortPtr internalPort_;  // online, uncaught errors, captured stdio
  int threadId_ = 0;
  int exitCode_ = 0;
  bool online_ = false;  // 'upAndRunning' came
  bool exited_ = false;
  Value limits_;
  std::shared_ptr<WorkerStdio> stdout_;
  std::shared_ptr<WorkerStdio> stderr_;
  std::shared_ptr<Worker> self_;  // while the thread runs
};

/// Registers a worker script under `name` for `Worker::create(name)` (any thread;
/// a later registration of the same name replaces the earlier one).
void registerWorker(std::string name, std::function<void()> script);

/// `worker_threads.isMainThread`.
bool isMainThread();
/// `worker_threads.threadId`: 0 on the main thread, then 1, 2, … for each Worker.
int threadId();
/// `worker_threads.parentPort`: nullptr on the main thread.
MessagePortPtr parentPort();
/// `worker_threads.workerData`: null on the main thread, else the clone of the option
/// (undefined when none was given).
const Value& workerData();
/// `worker_threads.resourceLimits`: `{}` on the main thread.
Value resourceLimits();
/// `worker_threads.setEnvironmentData(key, value)`: undefined `value` deletes. New
/// workers get a clone of this thread's data, so nested workers inherit it.
void setEnvironmentData(const Value& key, const Value& value = undefined);
/// `worker_threads.getEnvironmentData(key)`: undefined when absent.
Value getEnvironmentData(const Value& key);
/// `worker_threads.markAsUntransferable(buffer)`: a transfer list naming this
/// Buffer's memory copies it instead of moving it (Node 20's behaviour).
void markAsUntransferable(const Buffer& buffer);

}  // namespace nodecc::worker_threads

namespace nodecc::util {
/// `MessagePort { active: true, refed: false }` (Node adds its EventTarget internals).
template <>
struct Inspector<worker_threads::MessagePort> {
  static std::string inspect(const worker_threads::MessagePort& p, InspectContext&, int);
};
/// `BroadcastChannel { name: 'x', active: true }`, as Node.
template <>
struct Inspector<worker_threads::BroadcastChannel> {
  static std::string inspect(const worker_threads::BroadcastChannel& b, InspectContext&, int);
};
/// `Worker { threadId: 1 }` (Node prints the whole EventEmitter).
template <>
struct Inspector<worker_threads::Worker> {
  static std::string inspect(const worker_threads::Worker& w, InspectContext&, int);
};
}  // namespace nodecc::util
