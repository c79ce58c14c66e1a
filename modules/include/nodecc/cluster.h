// nodecc/cluster.h — Node's `cluster`: a primary process forks workers that share its
// server ports.
//
//   if (cluster::isPrimary()) {
//     for (int i = 0; i < os::availableParallelism(); i++) cluster::fork();
//     cluster::on("exit", [](cluster::WorkerPtr w, std::optional<int> code,
//                            std::optional<std::string> signal) {
//       console::log("worker %d died", w->process()->pid());
//     });
//   } else {
//     http::createServer([](auto req, auto res) { res->end("hello\n"); })->listen(8000);
//   }
//
// Behaviour is lib/internal/cluster/{primary,child,round_robin_handle,shared_handle,worker,
// utils}.js transcribed, over child_process.fork and its IPC channel, with Node's wire
// messages ({cmd: 'NODE_CLUSTER', act, seq, ack, …}). A worker is this program run again
// with NODE_UNIQUE_ID=<id> in its environment; it says 'online' to the primary, and a
// net::Server::listen() in a worker goes through the primary (Node's listenInCluster): with
// SCHED_RR (the default) the primary listens, accepts and hands each connection to the next
// free worker ('newconn' / accepted ack); with SCHED_NONE the primary binds and every worker
// listens on a copy of that socket. 'fork' comes on the next tick after fork(); 'online'
// when the worker said so; 'listening'(worker, address) when a worker's server listens;
// 'disconnect' and 'exit'(worker, code, signal) in the order the IPC channel and the process
// end; a worker leaves `workers()` once it is both disconnected and dead. A worker whose
// channel closes without disconnect() (the primary died) exits with code 0.
//
// Differences from Node:
// * Properties are functions: `isPrimary()`, `worker()`, `workers()`, `settings()`;
//   `schedulingPolicy` is a read/write property (an int, SCHED_ROUND_ROBIN or
//   SCHED_NONE); Node's SCHED_RR is SCHED_ROUND_ROBIN (<sched.h> has a SCHED_RR macro).
// * A worker is set up when the program first uses the cluster module (any function here, or
//   a net::Server::listen()), where Node does it before the main script. Programs check
//   `cluster::isPrimary()` first, which does it.
// * `settings().exec` is an executable (default: this program, process.execPath) run with
//   `settings().args` (default process.argv from index 2); `execArgv` is passed only with
//   `execPath` (a nodecc addition: run `execPath ...execArgv exec ...args`, e.g. "/usr/bin/node"
//   and a .js worker). The inspector options (inspectPort) do not exist.
// * Handles travel as 'net.Socket' handles (Node's primary sends 'net.Native'), so a Node worker
//   under a nodecc primary cannot take connections; a nodecc worker under a Node primary can
//   with SCHED_RR. UDP (dgram) sockets are not clustered: they bind in the worker.
// * `listen({fd})` in a worker is not supported (net has no fd option).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nodecc/child_process.h"
#include "nodecc/events.h"
#include "nodecc/net.h"
#include "nodecc/util.h"
#include "nodecc/value.h"

namespace nodecc::cluster {

/// `cluster.SCHED_NONE`: leave accepting to the operating system (shared listen socket).
inline constexpr int SCHED_NONE = 1;
/// `cluster.SCHED_RR`: the primary accepts and hands connections out in turn. Named
/// differently because <sched.h> defines SCHED_RR as a macro (with Node's value, 2).
inline constexpr int SCHED_ROUND_ROBIN = 2;

class Worker;
using WorkerPtr = std::shared_ptr<Worker>;

/// `cluster.settings` / the options of setupPrimary(). Unset fields are absent from the
/// object (Node's `{}` before the first setupPrimary()); setupPrimary() fills exec, args,
/// execArgv and silent.
struct Settings {
  /// Default process.argv from index 2.
  std::optional<std::vector<std::string>> args;
  /// The program a worker runs; default this executable (process.execPath).
  std::optional<std::string> exec;
  /// Default process.execArgv; used only with `execPath`.
  std::optional<std::vector<std::string>> execArgv;
  /// Pipe the workers' stdio to the primary instead of inheriting it.
  std::optional<bool> silent;
  std::optional<std::string> cwd;
  std::optional<child_process::Stdio> stdio;
  std::optional<int> uid;
  std::optional<int> gid;
  std::optional<std::string> serialization;  ///< only 'json'
  std::optional<bool> windowsHide;
  /// nodecc: an interpreter for `exec` (see the header comment); empty: exec is the program.
  std::optional<std::string> execPath;
  /// The order the fields were first set through setupPrimary() (Node's object key order,
  /// which util.inspect shows); fields assigned directly come after, in declaration order.
  std::vector<std::string> keyOrder;
};

namespace detail {
/// The fields `s` has set, in Node's key order (for util.inspect).
std::vector<std::string> settingsKeys(const Settings& s);
}  // namespace detail

/// What 'listening' carries: `{ addressType, address, port, fd }` (fd is always undefined).
struct Address {
  int addressType = 4;                 ///< 4, 6, or -1 for a local socket
  std::optional<std::string> address;  ///< null when listen() got no host; the path of a pipe
  int port = 0;                        ///< -1 for a local socket
  friend bool operator==(const Address&, const Address&) = default;
};

/// `cluster.Worker`. In the primary, one per fork(); in a worker, `cluster::worker()`.
/// Events: 'online'(), 'listening'(Address), 'message'(Value, SendHandle), 'disconnect'(),
/// 'exit'(std::optional<int> code, std::optional<std::string> signal) (primary only),
/// 'error'(Error). Listeners are removed once the worker is both disconnected and dead.
class Worker : public EventEmitter {
 public:
  /// Made by fork() (or the worker's own setup); must be owned by a shared_ptr.
  Worker(int id, child_process::ChildProcessPtr process, std::string state);
  ~Worker() override;
  NODECC_EMITTER_METHODS(Worker)
  std::string className() const override { return "Worker"; }

  /// `worker.id`.
  int id() const noexcept { return id_; }
  /// `worker.process`: the ChildProcess in the primary; nullptr in a worker, where Node has
  /// the `process` object (use nodecc::process there).
  const child_process::ChildProcessPtr& process() const noexcept { return process_; }
  /// `worker.state` (internal in Node): 'none', 'online', 'listening', 'disconnected',
  /// 'dead' in the primary; 'online', 'listening', 'disconnecting', 'destroying' in a worker.
  const std::string& state() const noexcept { return state_; }
  /// `worker.exitedAfterDisconnect`: undefined until the worker disconnected or exited,
  /// then whether that was through disconnect()/kill().
  Maybe<bool> exitedAfterDisconnect() const noexcept { return exitedAfterDisconnect_; }

  /// `worker.send(message[, sendHandle[, options]][, callback])`: child.send in the
  /// primary, process.send in a worker (ERR_IPC_CHANNEL_CLOSED once disconnected).
  bool send(const Value& message, child_process::SendHandle handle = {},
            child_process::SendOptions options = {}, child_process::SendCallback callback = {});
  template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                          std::is_invocable_v<std::decay_t<F>&>,
                                      int> = 0>
  bool send(const Value& message, F&& callback) {
    return send(message, child_process::SendHandle(), child_process::SendOptions(),
                stream::detail::toCallback(std::forward<F>(callback)));
  }
  /// `worker.kill([signal])` = destroy(signal).
  void kill(child_process::Signal signal = "SIGTERM") { destroy(std::move(signal)); }
  /// `worker.destroy([signal])`: in the primary, kills the process with `signal`; in a worker,
  /// tells the primary, disconnects and exits with code 0 (the signal is not used).
  void destroy(child_process::Signal signal = "SIGTERM");
  /// `worker.disconnect()`: in the primary, asks the worker to close its servers and
  /// disconnect; in a worker, closes its servers (waiting for their connections to end), then
  /// disconnects.
  Worker& disconnect();
  /// `worker.isConnected()`.
  bool isConnected() const;
  /// `worker.isDead()`.
  bool isDead() const;

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  friend struct Internal;
  int id_;
  child_process::ChildProcessPtr process_;
  std::string state_;
  Maybe<bool> exitedAfterDisconnect_;
  bool exitSeen_ = false;
  bool disconnectSeen_ = false;
};

/// The `cluster` EventEmitter. Events: 'fork'(WorkerPtr), 'online'(WorkerPtr),
/// 'listening'(WorkerPtr, Address), 'message'(WorkerPtr, Value, SendHandle),
/// 'disconnect'(WorkerPtr), 'exit'(WorkerPtr, std::optional<int> code,
/// std::optional<std::string> signal), 'setup'(Settings). In a worker nothing emits on it.
class Cluster : public EventEmitter {
 public:
  NODECC_EMITTER_METHODS(Cluster)
  std::string className() const override { return "EventEmitter"; }

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
};

/// The calling thread's cluster emitter.
Cluster& object();

template <class F>
Cluster& on(std::string_view event, F&& f) {
  return object().on(event, std::forward<F>(f));
}
template <class F>
Cluster& once(std::string_view event, F&& f) {
  return object().once(event, std::forward<F>(f));
}
template <class F>
Cluster& prependListener(std::string_view event, F&& f) {
  return object().prependListener(event, std::forward<F>(f));
}
inline Cluster& off(std::string_view event, const Listener& l) { return object().off(event, l); }
inline Cluster& removeAllListeners(std::string_view event) {
  return object().removeAllListeners(event);
}
inline std::size_t listenerCount(std::string_view event) { return object().listenerCount(event); }
template <class... A>
bool emit(std::string_view event, A&&... args) {
  return object().emit(event, std::forward<A>(args)...);
}

/// `cluster.isPrimary`: NODE_UNIQUE_ID is not in the environment.
bool isPrimary();
/// `cluster.isMaster` (deprecated alias).
inline bool isMaster() { return isPrimary(); }
/// `cluster.isWorker`.
bool isWorker();
/// `cluster.worker`: this worker; nullptr in the primary (Node: undefined).
WorkerPtr worker();
/// `cluster.workers`: the live workers by id (a copy; Node: undefined in a worker, here
/// empty).
std::map<int, WorkerPtr> workers();
/// `cluster.settings`: read and assign fields as in Node (assignments before the first
/// fork()/setupPrimary() are kept by it).
Settings& settings();

/// `cluster.setupPrimary([settings])`: merges `options` into settings(), freezes the
/// scheduling policy and emits 'setup'(settings) on the next tick. In a worker: TypeError
/// "cluster.setupPrimary is not a function", as Node's worker has no such method.
void setupPrimary(Settings options = {});
/// `cluster.setupMaster` (deprecated alias).
inline void setupMaster(Settings options = {}) { setupPrimary(std::move(options)); }
/// `cluster.fork([env])`: variables added to process.env for the worker. In a worker:
/// TypeError "cluster.fork is not a function".
WorkerPtr fork(child_process::Env env = {});
/// `cluster.disconnect([callback])`: disconnects every worker; `callback` once all are gone.
/// In a worker: TypeError "cluster.disconnect is not a function".
void disconnect(std::function<void()> callback = {});

/// `cluster.schedulingPolicy`: SCHED_ROUND_ROBIN unless NODE_CLUSTER_SCHED_POLICY is "none";
/// assignments after the first setupPrimary()/fork() have no effect (Node's freeze).
struct SchedulingPolicyProperty {
  operator int() const;  // NOLINT(google-explicit-constructor)
  SchedulingPolicyProperty& operator=(int policy);
  int get() const { return *this; }
};
inline SchedulingPolicyProperty schedulingPolicy;

}  // namespace nodecc::cluster

namespace nodecc::util {
/// `{ addressType: 4, address: null, port: 8000, fd: undefined }` as Node prints it.
template <>
struct Inspector<cluster::Address> {
  static std::string inspect(const cluster::Address& a, InspectContext& ctx, int depth);
};
/// Prints the fields that are set, in Node's order (args, exec, execArgv, silent, …).
template <>
struct Inspector<cluster::Settings> {
  static std::string inspect(const cluster::Settings& s, InspectContext& ctx, int depth);
};
}  // namespace nodecc::util
