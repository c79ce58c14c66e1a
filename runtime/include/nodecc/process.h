// nodecc/process.h — Node's `process` object.
//
// `process` is per thread (per Environment): on a worker thread it is the
// worker's process (its own argv, env copy, exit()). Node's properties are
// functions here (`process::pid()`, `process::argv()`); `process::env` and
// `process::exitCode` are proxies that read and write like Node's properties.
// `process::exit()` unwinds to the event loop by throwing `ProcessExit` (see
// environment.h) after emitting 'exit'; nothing else of the script runs.
// IPC (`process::send`, `process::connected`, `process::disconnect`) is declared
// in nodecc/child_process.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"

namespace nodecc {

/// The `process` EventEmitter of one Environment. Events: 'beforeExit'(int code),
/// 'exit'(int code), 'uncaughtException'(Error, std::string origin),
/// 'uncaughtExceptionMonitor'(Error, std::string origin), 'unhandledRejection'(Error),
/// 'warning'(Error), signal names ('SIGINT', …) with (std::string signal, int number),
/// and 'message'/'disconnect' when the process has an IPC channel.
class Process : public EventEmitter {
 public:
  explicit Process(Environment& env);
  ~Process() override;
  NODECC_EMITTER_METHODS(Process)
  std::string className() const override { return "process"; }

  /// Hook used by child_process to attach an IPC channel's ref counting.
  struct ListenerHook {
    virtual ~ListenerHook() = default;
    virtual void changed(std::string_view event) = 0;
  };
  void setIpcHook(ListenerHook* h) noexcept { ipcHook_ = h; }
  /// Environment teardown: stops the signal watchers, then drops the listeners silently
  /// (no 'removeListener' events) as every emitter does.
  std::shared_ptr<void> releaseForTeardown() override;

 protected:
  const detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;
  void listenerRemoved(std::string_view event) override;

 private:
  void updateSignal(std::string_view event);
  void stopSignals() noexcept;
  Environment& env_;
  struct SignalWatch;
  std::map<std::string, SignalWatch*, std::less<>> signals_;
  ListenerHook* ipcHook_ = nullptr;
};

namespace process {

/// The calling thread's process object.
Process& object();

template <class F>
Process& on(std::string_view event, F&& f) {
  return object().on(event, std::forward<F>(f));
}
template <class F>
Process& once(std::string_view event, F&& f) {
  return object().once(event, std::forward<F>(f));
}
template <class F>
Process& prependListener(std::string_view event, F&& f) {
  return object().prependListener(event, std::forward<F>(f));
}
inline Process& off(std::string_view event, const Listener& l) { return object().off(event, l); }
inline Process& removeAllListeners(std::string_view event) {
  return object().removeAllListeners(event);
}
inline std::size_t listenerCount(std::string_view event) { return object().listenerCount(event); }
template <class... A>
bool emit(std::string_view event, A&&... args) {
  return object().emit(event, std::forward<A>(args)...);
}
/// `process.nextTick(fn, ...args)`.
template <class F, class... Args>
void nextTick(F&& f, Args&&... args) {
  nodecc::nextTick(std::forward<F>(f), std::forward<Args>(args)...);
}

/// `process.argv`.
const std::vector<std::string>& argv();
/// `process.execArgv`.
const std::vector<std::string>& execArgv();
/// `process.execPath`: the running executable (from /proc/self/exe).
std::string execPath();
/// `process.argv0`.
std::string argv0();
int pid();
int ppid();
/// "linux".
std::string platform();
/// "x64", "arm64", …
std::string arch();
/// `process.version`: the Node version whose behaviour nodecc reproduces ("v20.20.2").
std::string version();
/// `process.versions`: node (API level), nodecc, uv, llhttp, nghttp2, openssl.
std::map<std::string, std::string> versions();
std::string cwd();
/// `process.chdir(dir)`; throws a system Error (ENOENT …) like Node.
void chdir(std::string_view dir);
/// `process.title`.
std::string title();
/// `process.umask()`.
unsigned umask();

/// `process.exit([code])`: emits 'exit' (once), then unwinds to the loop.
[[noreturn]] void exit(std::optional<int> code = {});
/// `process.abort()`.
[[noreturn]] void abort();

/// `process.exitCode` as a read/write property.
struct ExitCodeProperty {
  operator std::optional<int>() const;  // NOLINT
  ExitCodeProperty& operator=(int code);
  ExitCodeProperty& operator=(std::nullopt_t);
  std::optional<int> get() const { return *this; }
  int valueOr(int dflt) const { return get().value_or(dflt); }
};
inline ExitCodeProperty exitCode;

/// `process.kill(pid[, signal])`: signal name ("SIGTERM", default) or number; throws
/// ESRCH/EPERM system errors and ERR_UNKNOWN_SIGNAL like Node. Returns true.
bool kill(int pid, std::string_view signal = "SIGTERM");
bool kill(int pid, int signal);

/// `process.hrtime([previous])` and `process.hrtime.bigint()`.
struct HrTime {
  std::array<std::int64_t, 2> operator()() const;
  std::array<std::int64_t, 2> operator()(const std::array<std::int64_t, 2>& previous) const;
  std::uint64_t bigint() const;
};
inline constexpr HrTime hrtime{};

/// `process.uptime()` in seconds.
double uptime();

/// `process.memoryUsage()`. heapTotal/heapUsed report the C++ heap (mallinfo2),
/// there is no JS heap; arrayBuffers counts live Buffer bytes.
struct MemoryUsage {
  std::uint64_t rss = 0, heapTotal = 0, heapUsed = 0, external = 0, arrayBuffers = 0;
};
MemoryUsage memoryUsage();
namespace memory {
/// `process.memoryUsage.rss()`.
std::uint64_t rss();
}  // namespace memory

/// `process.emitWarning(warning[, type[, code]])`: emitted as 'warning' on the next
/// tick; printed to stderr as Node does ("(node:PID) Type: message").
void emitWarning(std::string_view warning, std::string_view type = "Warning",
                 std::string_view code = {});
void emitWarning(Error warning);

/// `process.env`: reads and writes the environment (the real one on the main
/// thread, so child processes see it; a private copy on worker threads unless
/// SHARE_ENV). Values are strings.
class EnvVars {
 public:
  class Ref {
   public:
    Ref(std::string key) : key_(std::move(key)) {}  // NOLINT
    Ref& operator=(std::string_view value);
    Ref& operator=(const char* value) { return *this = std::string_view(value); }
    // Without this, `env["K"] = someStdString` is ambiguous with the implicit Ref(std::string).
    Ref& operator=(const std::string& value) { return *this = std::string_view(value); }
    operator std::optional<std::string>() const;  // NOLINT
    std::optional<std::string> get() const { return *this; }
    std::string valueOr(std::string_view dflt) const {
      auto v = get();
      return v ? *v : std::string(dflt);
    }
    explicit operator bool() const { return get().has_value(); }
    bool operator==(std::string_view v) const {
      auto g = get();
      return g && *g == v;
    }

   private:
    std::string key_;
  };
  Ref operator[](std::string_view key) const { return Ref(std::string(key)); }
  std::optional<std::string> get(std::string_view key) const;
  void set(std::string_view key, std::string_view value) const;
  /// `delete process.env[key]`.
  void erase(std::string_view key) const;
  bool has(std::string_view key) const { return get(key).has_value(); }
  /// A snapshot of every variable (key order as the OS gives them).
  std::vector<std::pair<std::string, std::string>> entries() const;
};
inline const EnvVars env{};

}  // namespace process

namespace detail {
/// Node's setupChildProcessIpcChannel: when NODE_CHANNEL_FD is set (the process was
/// forked with an IPC channel), opens that channel so that process::send and
/// process 'message' work, and removes NODE_CHANNEL_FD / NODE_CHANNEL_SERIALIZATION_MODE
/// from the environment. Environment::run calls it on the main thread before the main
/// script. Defined in modules/src/child_process.cc (see docs/ARCHITECTURE.md).
void setupChildProcessIpcChannel(Environment& env);
}  // namespace detail

/// Signal helpers shared by process and child_process.
namespace os_signals {
/// "SIGTERM" → 15; -1 when unknown.
int fromName(std::string_view name) noexcept;
/// 15 → "SIGTERM"; empty when unknown.
std::string toName(int signal);
}  // namespace os_signals

}  // namespace nodecc
