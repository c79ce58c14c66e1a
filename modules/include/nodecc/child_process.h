// nodecc/child_process.h — Node's `child_process`: spawn, exec, execFile, fork, the
// synchronous variants, and the IPC channel (`child->send`, `process::send`).
//
//   auto ls = child_process::spawn("ls", {"-lh", "/usr"});
//   ls->stdout()->on("data", [](const Buffer& d) { console::log("stdout:", d.toString()); });
//   ls->on("close", [](std::optional<int> code, std::optional<std::string>) {
//     console::log("child process exited with code", code);
//   });
//
// Behaviour is lib/child_process.js and lib/internal/child_process.js transcribed:
// 'spawn' on the next tick, or 'error' ("spawn nosuchcmd ENOENT", errno/code/syscall/
// path/spawnargs) and no 'exit'; 'exit'(code, signal) when the child is reaped, then
// 'close'(code, signal) once its stdio streams and IPC channel have closed; stdio
// streams are net::Sockets over pipes; `kill()` sets `killed`; exec/execFile buffer
// the output up to maxBuffer (1 MiB; ERR_CHILD_PROCESS_STDIO_MAXBUFFER kills the
// child) and build Node's error ("Command failed: …" with code, killed, signal, cmd).
//
// IPC (fork, or an 'ipc' stdio slot) speaks Node's own protocol, so a nodecc process
// and a Node process can fork each other and pass handles (see bindings/ipc_channel.h):
// JSON lines on the pipe named by NODE_CHANNEL_FD, NODE_HANDLE / NODE_HANDLE_ACK with
// SCM_RIGHTS. A nodecc program started with NODE_CHANNEL_FD opens its channel before
// its main script (as Node does), unref'd while `process` has no 'message' or
// 'disconnect' listener. Messages are emitted one per nextTick and held until a
// 'message' listener exists; internal ("NODE_…" cmd) messages go to 'internalMessage'.
//
// Differences from Node:
// * Properties are methods (`child->pid()`, `child->stdout()`); `pid()` is undefined
//   (an empty Maybe) when spawning failed.
// * fork(modulePath, args, options): without `options.execPath`, modulePath is the
//   program to run (a nodecc executable) and execArgv is not used; with
//   `execPath` (say "/usr/bin/node") it runs `execPath ...execArgv modulePath ...args`
//   as Node does. Only the 'json' serialization exists ('advanced' throws).
// * Messages are `Value`s (JSON data, Buffers as {type:'Buffer',data}); the 'message'
//   event carries (Value message, SendHandle handle); a listener may take the message
//   only. A received handle is a net::Socket or a net::Server (a raw handle Node sends
//   as 'net.Native' arrives as the matching one of those).
// * exec/execFile callbacks take (std::optional<Error>, std::string, std::string), or
//   Buffers instead of strings (then no decoding happens, as with encoding 'buffer').
//   The output is decoded once at the end; maxBuffer counts bytes; the text
//   kept is cut as JS slices the decoded string (UTF-16 code units), as in Node.
// * An exec error's `code` is the exit code as a string ("1") in `Error::code`, and as
//   the number Node has in `err.info["code"]` (util.inspect prints the number); for a
//   child killed by a signal `Error::code` is empty and info code is null.
// * spawnSync/execSync/execFileSync return Values (Buffer or string) where Node returns
//   Buffer-or-string; stdio slots cannot be streams in the synchronous variants.
// * No AbortSignal option, no windowsHide/windowsVerbatimArguments effect.
// * As in Node, a ChildProcess whose channel the parent closed with disconnect() never
//   emits 'close'. Listeners are removed once nothing more can be emitted (after 'close',
//   or when every handle of the child is released), so lambdas capturing the child do
//   not leak.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "nodecc/buffer.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/net.h"
#include "nodecc/process.h"
#include "nodecc/timers.h"
#include "nodecc/value.h"

namespace nodecc::child_process {

class ChildProcess;
using ChildProcessPtr = std::shared_ptr<ChildProcess>;

namespace internal {
struct NormalizedSpawn;
struct Access;
}  // namespace internal

/// A signal given by name ("SIGTERM") or number (9); Node's convertToValidSignal:
/// number() throws TypeError ERR_UNKNOWN_SIGNAL ("Unknown signal: SIGFOO").
class Signal {
 public:
  Signal(const char* name) : name_(name) {}         // NOLINT(google-explicit-constructor)
  Signal(std::string_view name) : name_(name) {}    // NOLINT(google-explicit-constructor)
  Signal(const std::string& name) : name_(name) {}  // NOLINT(google-explicit-constructor)
  Signal(int number) : number_(number) {}           // NOLINT(google-explicit-constructor)
  int number() const;
  /// The number 0 (kill(0) tests whether the child exists).
  bool isZero() const noexcept { return number_ && *number_ == 0; }

 private:
  std::string name_;
  std::optional<int> number_;
};

/// One entry of `options.stdio`: 'pipe', 'overlapped', 'ignore', 'inherit', 'ipc', a file
/// descriptor, a net::Socket (its descriptor is shared with the child), or undefined
/// (nullptr: the default, 'pipe' for 0-2 and 'ignore' beyond).
class StdioSlot {
 public:
  enum class Kind { kDefault, kPipe, kOverlapped, kIgnore, kInherit, kIpc, kFd, kStream, kInvalid };
  StdioSlot() = default;
  StdioSlot(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  StdioSlot(Undefined) {}       // NOLINT(google-explicit-constructor)
  StdioSlot(const char* name) : StdioSlot(std::string_view(name)) {}  // NOLINT
  StdioSlot(std::string_view name);  // NOLINT(google-explicit-constructor)
  StdioSlot(const std::string& name) : StdioSlot(std::string_view(name)) {}  // NOLINT
  /// A descriptor; a negative number means 'pipe', as in Node.
  StdioSlot(int fd);                 // NOLINT(google-explicit-constructor)
  StdioSlot(net::SocketPtr stream);  // NOLINT(google-explicit-constructor)
  Kind kind() const noexcept { return kind_; }
  int fd() const noexcept { return fd_; }
  const net::SocketPtr& stream() const noexcept { return stream_; }
  /// The text of an unknown name (spawn throws ERR_INVALID_ARG_VALUE for it).
  const std::string& invalid() const noexcept { return invalid_; }

 private:
  Kind kind_ = Kind::kDefault;
  int fd_ = -1;
  net::SocketPtr stream_;
  std::string invalid_;
};

/// `options.stdio`: a string ('pipe', 'inherit', 'ignore', 'overlapped') or an array.
class Stdio {
 public:
  Stdio() = default;
  Stdio(const char* s) : string_(s), isString_(true) {}                              // NOLINT
  Stdio(std::string s) : string_(std::move(s)), isString_(true) {}                   // NOLINT
  Stdio(std::initializer_list<StdioSlot> slots) : slots_(slots), isArray_(true) {}   // NOLINT
  Stdio(std::vector<StdioSlot> slots) : slots_(std::move(slots)), isArray_(true) {}  // NOLINT
  bool isSet() const noexcept { return isString_ || isArray_; }
  bool isString() const noexcept { return isString_; }
  const std::string& string() const noexcept { return string_; }
  const std::vector<StdioSlot>& slots() const noexcept { return slots_; }

 private:
  std::string string_;
  std::vector<StdioSlot> slots_;
  bool isString_ = false;
  bool isArray_ = false;
};

/// `options.env`: variables in insertion order (Node's `for (key in env)`); assigning
/// an existing key replaces its value.
class Env {
 public:
  Env() = default;
  Env(std::initializer_list<std::pair<std::string, std::string>> vars);
  /// `{ ...process.env }`: a copy of the calling thread's process.env.
  static Env fromProcess();
  std::string& operator[](std::string_view key);
  void set(std::string_view key, std::string_view value) { (*this)[key] = std::string(value); }
  std::optional<std::string> get(std::string_view key) const;
  bool has(std::string_view key) const { return get(key).has_value(); }
  /// `delete env[key]`.
  void erase(std::string_view key);
  const std::vector<std::pair<std::string, std::string>>& entries() const noexcept { return vars_; }

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

/// `options.shell`: false, true (/bin/sh) or a shell's path.
class Shell {
 public:
  Shell() = default;
  Shell(bool use) : use_(use) {}  // NOLINT
  /// A path; the empty string is falsy, as in Node: no shell.
  Shell(const char* path) : Shell(std::string(path)) {}  // NOLINT
  Shell(std::string path)                                // NOLINT
      : use_(!path.empty()), string_(true), path_(std::move(path)) {}
  explicit operator bool() const noexcept { return use_; }
  /// The shell to run: the given path or "/bin/sh".
  std::string program() const { return path_.empty() ? "/bin/sh" : path_; }
  bool isPath() const noexcept { return !path_.empty(); }
  /// Given as a string (even an empty one): exec() then keeps it instead of using /bin/sh.
  bool isString() const noexcept { return string_; }

 private:
  bool use_ = false;
  bool string_ = false;
  std::string path_;
};

/// `spawn(command, args, options)` options.
struct SpawnOptions {
  std::optional<std::string> cwd;
  std::optional<Env> env;  ///< default: process.env
  std::optional<std::string> argv0;
  Stdio stdio;  ///< default 'pipe'
  bool detached = false;
  std::optional<int> uid;
  std::optional<int> gid;
  Shell shell;
  double timeout = 0;  ///< ms; the child gets killSignal when it runs longer
  Signal killSignal = "SIGTERM";
  std::string serialization = "json";  ///< only 'json' exists
  bool windowsHide = false;            ///< accepted, no effect on Linux
};

/// `fork(modulePath, args, options)` options.
struct ForkOptions {
  std::optional<std::string> cwd;
  std::optional<Env> env;
  /// The interpreter to run modulePath with (e.g. "/usr/bin/node" for a JS file); empty:
  /// modulePath is itself the program.
  std::string execPath;
  /// Arguments for execPath before modulePath (default process.execArgv).
  std::optional<std::vector<std::string>> execArgv;
  /// Pipe the child's stdin/stdout/stderr to the parent instead of inheriting them.
  bool silent = false;
  Stdio stdio;  ///< an array must contain 'ipc'
  bool detached = false;
  std::optional<int> uid;
  std::optional<int> gid;
  std::string serialization = "json";
  double timeout = 0;
  Signal killSignal = "SIGTERM";
};

/// `exec(command, options, callback)` / `execFile(file, args, options, callback)` options.
struct ExecOptions {
  std::optional<std::string> cwd;
  std::optional<Env> env;
  /// 'utf8' (default) or any Buffer encoding; 'buffer' gives the raw bytes.
  std::string encoding = "utf8";
  /// execFile: false (default), true or a path; exec always uses a shell (/bin/sh, or
  /// this path when one is given).
  Shell shell;
  double timeout = 0;
  /// Largest output per stream, in bytes (Infinity: unlimited).
  double maxBuffer = 1024 * 1024;
  Signal killSignal = "SIGTERM";
  std::optional<int> uid;
  std::optional<int> gid;
  std::optional<std::string> argv0;
  bool windowsHide = false;
};

/// The result's data: `(error, stdout, stderr)` as strings or as Buffers.
class ExecCallback {
 public:
  ExecCallback() = default;
  ExecCallback(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  template <class F, class D = std::decay_t<F>,
            std::enable_if_t<
                !std::is_same_v<D, ExecCallback> &&
                    (std::is_invocable_v<D&, std::optional<Error>, std::string, std::string> ||
                     std::is_invocable_v<D&, std::optional<Error>, Buffer, Buffer> ||
                     std::is_invocable_v<D&, std::optional<Error>>),
                int> = 0>
  ExecCallback(F&& f) {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_invocable_v<D&, std::optional<Error>, std::string, std::string>) {
      text_ = std::forward<F>(f);
    } else if constexpr (std::is_invocable_v<D&, std::optional<Error>, Buffer, Buffer>) {
      bytes_ = std::forward<F>(f);
    } else {
      text_ = [g = D(std::forward<F>(f))](std::optional<Error> e, std::string,
                                          std::string) mutable { g(std::move(e)); };
    }
  }
  explicit operator bool() const noexcept { return text_ || bytes_; }
  /// True when the callback takes Buffers.
  bool wantsBuffers() const noexcept { return static_cast<bool>(bytes_); }
  /// Calls back with text (given to a Buffer callback as its UTF-8 bytes).
  void operator()(std::optional<Error> err, std::string out, std::string errOut);
  /// Calls back with bytes (given to a text callback unchanged, byte for byte).
  void operator()(std::optional<Error> err, Buffer out, Buffer errOut);

 private:
  std::function<void(std::optional<Error>, std::string, std::string)> text_;
  std::function<void(std::optional<Error>, Buffer, Buffer)> bytes_;
};

/// A handle passed with a message (`child.send(message, sendHandle)`), received as the
/// 'message' event's second argument: a net::Socket, a net::Server, or nothing.
class SendHandle {
 public:
  SendHandle() = default;
  SendHandle(std::nullptr_t) {}       // NOLINT(google-explicit-constructor)
  SendHandle(net::SocketPtr socket);  // NOLINT(google-explicit-constructor)
  SendHandle(net::ServerPtr server);  // NOLINT(google-explicit-constructor)
  /// Internal: from the channel's opaque object.
  explicit SendHandle(HostObject object) : obj_(std::move(object)) {}
  explicit operator bool() const noexcept { return obj_.ptr != nullptr; }
  /// Node's handle type: "net.Socket", "net.Server", or "" when empty.
  const std::string& type() const noexcept { return obj_.type; }
  /// The socket, or nullptr when this is not one.
  net::SocketPtr socket() const;
  /// The server, or nullptr when this is not one.
  net::ServerPtr server() const;
  const HostObject& object() const noexcept { return obj_; }

 private:
  HostObject obj_;
};

/// `send(message, handle, options)` options.
struct SendOptions {
  /// Keep the socket open in the sender (net.Socket handles only).
  bool keepOpen = false;
};

/// A send callback: `cb(err)` or `cb()`.
using SendCallback = stream::Callback;

/// `child.channel` / `process.channel` (Node's Control): ref()/unref() override the
/// automatic reference counting of the IPC pipe.
class Channel {
 public:
  void ref();
  void unref();
  /// The pipe's descriptor (undefined once closed).
  Maybe<int> fd() const;

 private:
  friend struct internal::Access;
  std::weak_ptr<void> impl_;
};

/// `ChildProcess`. Events: 'spawn'(), 'exit'(std::optional<int> code,
/// std::optional<std::string> signal), 'close'(same), 'error'(Error), 'disconnect'(),
/// 'message'(Value, SendHandle), 'internalMessage'(Value, SendHandle).
class ChildProcess : public EventEmitter {
 public:
  /// Use spawn()/fork()/exec()/execFile(); the object must be owned by a shared_ptr.
  ChildProcess();
  ~ChildProcess() override;
  NODECC_EMITTER_METHODS(ChildProcess)
  std::string className() const override { return "ChildProcess"; }

  /// `child.pid` (undefined when spawning failed).
  Maybe<int> pid() const noexcept { return pid_; }
  /// `child.stdin` / `stdout` / `stderr` (nullptr where the slot is not a pipe).
  const net::SocketPtr& stdin() const noexcept { return stdin_; }    // NOLINT
  const net::SocketPtr& stdout() const noexcept { return stdout_; }  // NOLINT
  const net::SocketPtr& stderr() const noexcept { return stderr_; }  // NOLINT
  /// `child.stdio`: one entry per slot, nullptr where the slot is not a pipe.
  const std::vector<net::SocketPtr>& stdio() const noexcept { return stdio_; }
  /// `child.exitCode` (null until exit, and when a signal ended the child).
  std::optional<int> exitCode() const noexcept { return exitCode_; }
  /// `child.signalCode` ("SIGTERM" …, null when none).
  std::optional<std::string> signalCode() const noexcept { return signalCode_; }
  /// `child.killed`: a kill() succeeded.
  bool killed() const noexcept { return killed_; }
  /// `child.spawnfile` / `child.spawnargs`.
  const std::string& spawnfile() const noexcept { return spawnfile_; }
  const std::vector<std::string>& spawnargs() const noexcept { return spawnargs_; }

  /// `child.kill([signal])`: true when the signal was sent. 0 tests for existence.
  bool kill(Signal signal = "SIGTERM");
  /// `child.ref()` / `child.unref()`: whether the child keeps the loop alive.
  void ref();
  void unref();

  /// `child.connected`: an IPC channel that disconnect() was not called on.
  bool connected() const noexcept;
  /// `child.channel`: nullptr without an IPC channel or once it closed.
  Channel* channel() noexcept;
  /// `child.disconnect()`.
  void disconnect();
  /// `child.send(message[, sendHandle[, options]][, callback])`: false when the
  /// channel's write queue is 128 KiB or more. Throws ERR_MISSING_ARGS for an undefined
  /// message; ERR_IPC_CHANNEL_CLOSED goes to the callback or 'error' when disconnected.
  bool send(const Value& message, SendHandle handle = {}, SendOptions options = {},
            SendCallback callback = {});
  template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                          std::is_invocable_v<std::decay_t<F>&>,
                                      int> = 0>
  bool send(const Value& message, F&& callback) {
    return send(message, SendHandle(), SendOptions(),
                stream::detail::toCallback(std::forward<F>(callback)));
  }
  template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                          std::is_invocable_v<std::decay_t<F>&>,
                                      int> = 0>
  bool send(const Value& message, SendHandle handle, F&& callback) {
    return send(message, std::move(handle), SendOptions(),
                stream::detail::toCallback(std::forward<F>(callback)));
  }
  template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                          std::is_invocable_v<std::decay_t<F>&>,
                                      int> = 0>
  bool send(const Value& message, SendHandle handle, SendOptions options, F&& callback) {
    return send(message, std::move(handle), options,
                stream::detail::toCallback(std::forward<F>(callback)));
  }

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;

 private:
  struct Impl;
  friend struct internal::Access;
  void spawnImpl(internal::NormalizedSpawn& options);

  Maybe<int> pid_;
  net::SocketPtr stdin_, stdout_, stderr_;
  std::vector<net::SocketPtr> stdio_;
  std::optional<int> exitCode_;
  std::optional<std::string> signalCode_;
  bool killed_ = false;
  std::string spawnfile_;
  std::vector<std::string> spawnargs_;
  Channel channel_;
  std::unique_ptr<Impl> impl_;
};

/// `child_process.spawn(command[, args][, options])`. Throws for invalid arguments
/// (ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL, ERR_OUT_OF_RANGE …);
/// a command that cannot run is an 'error' event.
ChildProcessPtr spawn(std::string_view command, std::vector<std::string> args = {},
                      SpawnOptions options = {});
// (A template so that `spawn("ls", {"-l"})` picks the args overload.)
template <class O = SpawnOptions, std::enable_if_t<std::is_same_v<O, SpawnOptions>, int> = 0>
ChildProcessPtr spawn(std::string_view command, O options) {
  return spawn(command, std::vector<std::string>(), std::move(options));
}

/// `child_process.fork(modulePath[, args][, options])` (see the header comment).
ChildProcessPtr fork(std::string_view modulePath, std::vector<std::string> args = {},
                     ForkOptions options = {});
template <class O = ForkOptions, std::enable_if_t<std::is_same_v<O, ForkOptions>, int> = 0>
ChildProcessPtr fork(std::string_view modulePath, O options) {
  return fork(modulePath, std::vector<std::string>(), std::move(options));
}

/// `child_process.exec(command[, options][, callback])`: runs `command` in a shell.
ChildProcessPtr exec(std::string_view command, ExecOptions options, ExecCallback callback = {});
ChildProcessPtr exec(std::string_view command, ExecCallback callback = {});

/// `child_process.execFile(file[, args][, options][, callback])`.
ChildProcessPtr execFile(std::string_view file, std::vector<std::string> args, ExecOptions options,
                         ExecCallback callback = {});
ChildProcessPtr execFile(std::string_view file, std::vector<std::string> args,
                         ExecCallback callback = {});
template <class O = ExecOptions, std::enable_if_t<std::is_same_v<O, ExecOptions>, int> = 0>
ChildProcessPtr execFile(std::string_view file, O options, ExecCallback callback = {}) {
  return execFile(file, std::vector<std::string>(), std::move(options), std::move(callback));
}
ChildProcessPtr execFile(std::string_view file, ExecCallback callback = {});

// ---- synchronous variants -----------------------------------------------------------------

/// Options of spawnSync, execSync and execFileSync.
struct SpawnSyncOptions {
  std::optional<std::string> cwd;
  /// Written to the child's stdin (a string is encoded with `encoding` unless that is
  /// 'buffer'); a Buffer or a string Value.
  Value input;
  std::optional<std::string> argv0;
  /// Default 'pipe'; no streams, no 'ipc'.
  Stdio stdio;
  std::optional<Env> env;
  std::optional<int> uid;
  std::optional<int> gid;
  double timeout = 0;
  Signal killSignal = "SIGTERM";
  double maxBuffer = 1024 * 1024;
  /// 'buffer' gives Buffers; any other encoding decodes stdout/stderr to strings.
  /// spawnSync/execFileSync/execSync default to 'buffer'.
  std::string encoding = "buffer";
  Shell shell;
};

/// What spawnSync returns (printed by util.inspect in Node's key order).
struct SpawnSyncResult {
  int pid = 0;
  /// `[null, stdout, stderr, …]`: a Buffer (or string) per pipe slot, null elsewhere;
  /// empty optional (JS null) when the child never ran.
  std::optional<std::vector<Value>> output;
  Value stdout;                       ///< output[1] (null when absent)  // NOLINT
  Value stderr;                       ///< output[2] (null when absent)  // NOLINT
  std::optional<int> status;          ///< exit code; null when a signal ended it
  std::optional<std::string> signal;  ///< the terminating signal's name
  std::optional<Error> error;         ///< "spawnSync <file> ENOENT", ETIMEDOUT, ENOBUFS (maxBuffer)
};

/// `child_process.spawnSync(command[, args][, options])`.
SpawnSyncResult spawnSync(std::string_view command, std::vector<std::string> args = {},
                          SpawnSyncOptions options = {});
template <class O = SpawnSyncOptions,
          std::enable_if_t<std::is_same_v<O, SpawnSyncOptions>, int> = 0>
SpawnSyncResult spawnSync(std::string_view command, O options) {
  return spawnSync(command, std::vector<std::string>(), std::move(options));
}

/// `child_process.execSync(command[, options])`: stdout (a Buffer, or a string with an
/// encoding). Throws Node's error ("Command failed: …" with status, signal, output, pid,
/// stdout, stderr in `info`) when the command fails. Without `stdio`, the child's stderr
/// is written to this process's stderr.
Value execSync(std::string_view command, SpawnSyncOptions options = {});

/// `child_process.execFileSync(file[, args][, options])`.
Value execFileSync(std::string_view file, std::vector<std::string> args = {},
                   SpawnSyncOptions options = {});
template <class O = SpawnSyncOptions,
          std::enable_if_t<std::is_same_v<O, SpawnSyncOptions>, int> = 0>
Value execFileSync(std::string_view file, O options) {
  return execFileSync(file, std::vector<std::string>(), std::move(options));
}

}  // namespace nodecc::child_process

namespace nodecc::process {
/// `process.send(message[, sendHandle[, options]][, callback])` in a child started with
/// an IPC channel. Without a channel Node has no `process.send`; this throws TypeError
/// "process.send is not a function".
bool send(const Value& message, child_process::SendHandle handle = {},
          child_process::SendOptions options = {}, child_process::SendCallback callback = {});
template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                        std::is_invocable_v<std::decay_t<F>&>,
                                    int> = 0>
bool send(const Value& message, F&& callback) {
  return send(message, child_process::SendHandle(), child_process::SendOptions(),
              stream::detail::toCallback(std::forward<F>(callback)));
}
template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&, std::optional<Error>> ||
                                        std::is_invocable_v<std::decay_t<F>&>,
                                    int> = 0>
bool send(const Value& message, child_process::SendHandle handle, F&& callback) {
  return send(message, std::move(handle), child_process::SendOptions(),
              stream::detail::toCallback(std::forward<F>(callback)));
}
/// `process.connected` (false without a channel, where Node has undefined).
bool connected();
/// `process.disconnect()`; TypeError "process.disconnect is not a function" without a channel.
void disconnect();
/// `process.channel`: nullptr without a channel or once it closed.
child_process::Channel* channel();
}  // namespace nodecc::process

namespace nodecc::util {
/// Prints `{ error, status, signal, output, pid, stdout, stderr }` as Node prints the
/// spawnSync result.
template <>
struct Inspector<child_process::SpawnSyncResult> {
  static std::string inspect(const child_process::SpawnSyncResult& r, InspectContext& ctx,
                             int depth);
};
/// A SendHandle prints as undefined when empty, else as `[Socket]` / `[Server]`.
template <>
struct Inspector<child_process::SendHandle> {
  static std::string inspect(const child_process::SendHandle& h, InspectContext& ctx, int depth);
};
}  // namespace nodecc::util
