// process: properties, exit, kill, hrtime, env, warnings, signals.
#include "nodecc/process.h"

#include <malloc.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <uv.h>

#include <cstdlib>
#include <cstring>

#include "nodecc/console.h"
#include "runtime/src/internal.h"

extern char** environ;

namespace nodecc {

std::mutex& envMutex() {
  static std::mutex m;
  return m;
}

// ---- signals ------------------------------------------------------------------------

namespace os_signals {
namespace {
struct SigName {
  const char* name;
  int num;
};
constexpr SigName kSignals[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},   {"SIGTRAP", SIGTRAP},   {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},     {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},   {"SIGSTKFLT", SIGSTKFLT},
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},   {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
};
}  // namespace
int fromName(std::string_view name) noexcept {
  for (const auto& s : kSignals)
    if (name == s.name) return s.num;
  return -1;
}
std::string toName(int signal) {
  for (const auto& s : kSignals)
    if (s.num == signal) return s.name;
  return {};
}
}  // namespace os_signals

struct Process::SignalWatch {
  uv_signal_t handle{};
  Environment* env = nullptr;
  std::string name;
};

Process::Process(Environment& env) : env_(env) {
  // Node installs the default warning printer as a 'warning' listener at startup.
  on("warning", [this](const Error& w) {
    Environment::Impl& I = env_.impl();
    std::string msg = "(node:" + std::to_string(::getpid()) + ") ";
    if (!w.code.empty()) msg += "[" + w.code + "] ";
    msg += w.toString();
    if (w.info.isObject() && w.info["detail"].isString()) msg += "\n" + w.info["detail"].asString();
    if (!I.traceWarningHintShown) {
      bool dep = w.name == "DeprecationWarning";
      msg += std::string("\n(Use `node ") + (dep ? "--trace-deprecation" : "--trace-warnings") +
             " ...` to show where the warning was created)";
      I.traceWarningHintShown = true;
    }
    console::detail::writeErr(msg + "\n");
  });
}

namespace {
// Stops a watcher; it is deleted from its close callback.
template <class Watch>
void closeWatch(Watch* w) noexcept {
  uv_signal_stop(&w->handle);
  uv_close(reinterpret_cast<uv_handle_t*>(&w->handle),
           [](uv_handle_t* h) { delete static_cast<Watch*>(h->data); });
}
}  // namespace

void Process::stopSignals() noexcept {
  for (auto& [name, w] : signals_) closeWatch(w);
  signals_.clear();
}

Process::~Process() { stopSignals(); }

std::shared_ptr<void> Process::releaseForTeardown() {
  stopSignals();
  return EventEmitter::releaseForTeardown();
}

const detail::SigInfo* Process::declaredSignature(std::string_view event) const {
  if (event == "exit" || event == "beforeExit") return &detail::SigOf<int>::info;
  if (event == "uncaughtException" || event == "uncaughtExceptionMonitor")
    return &detail::SigOf<Error, std::string>::info;
  if (event == "warning" || event == "unhandledRejection") return &detail::SigOf<Error>::info;
  if (os_signals::fromName(event) > 0) return &detail::SigOf<std::string, int>::info;
  return nullptr;
}

void Process::listenerAdded(std::string_view event) {
  if (event.rfind("SIG", 0) == 0) updateSignal(event);
  if (ipcHook_ && (event == "message" || event == "disconnect")) ipcHook_->changed(event);
}

void Process::listenerRemoved(std::string_view event) {
  if (event.rfind("SIG", 0) == 0) updateSignal(event);
  if (ipcHook_ && (event == "message" || event == "disconnect")) ipcHook_->changed(event);
}

void Process::updateSignal(std::string_view event) {
  int signum = os_signals::fromName(event);
  if (signum <= 0) return;
  auto it = signals_.find(event);
  bool want = listenerCount(event) > 0 && !env_.stopping();
  if (want && it == signals_.end()) {
    auto* w = new SignalWatch;
    w->env = &env_;
    w->name = std::string(event);
    uv_signal_init(env_.loop(), &w->handle);
    w->handle.data = w;
    int r = uv_signal_start(
        &w->handle,
        [](uv_signal_t* h, int sig) {
          auto* w = static_cast<SignalWatch*>(h->data);
          Environment* env = w->env;
          std::string name = w->name;
          env->makeCallback([env, name, sig] { env->process().emit(name, name, sig); });
        },
        signum);
    if (r != 0) {
      closeWatch(w);
      throw errors::errnoException(r, "uv_signal_start");
    }
    uv_unref(
        reinterpret_cast<uv_handle_t*>(&w->handle));  // signal listeners do not keep the loop alive
    signals_.emplace(std::string(event), w);
  } else if (!want && it != signals_.end()) {
    SignalWatch* w = it->second;
    signals_.erase(it);
    closeWatch(w);
  }
}

// ---- the process namespace ----------------------------------------------------------------

namespace process {

Process& object() { return Environment::require().process(); }

const std::vector<std::string>& argv() { return Environment::require().options().argv; }
const std::vector<std::string>& execArgv() { return Environment::require().options().execArgv; }

std::string execPath() {
  char buf[4096];
  std::size_t n = sizeof buf;
  if (uv_exepath(buf, &n) == 0) return std::string(buf, n);
  return argv().empty() ? "" : argv()[0];
}

std::string argv0() {
  const auto& a = argv();
  return a.empty() ? "" : a[0];
}

int pid() { return static_cast<int>(::getpid()); }
int ppid() { return static_cast<int>(::getppid()); }
std::string platform() { return "linux"; }

std::string arch() {
  struct utsname u;
  if (::uname(&u) != 0) return "unknown";
  std::string m = u.machine;
  if (m == "x86_64") return "x64";
  if (m == "aarch64") return "arm64";
  if (m == "i686" || m == "i386") return "ia32";
  return m;
}

std::string version() { return "v20.20.2"; }

std::map<std::string, std::string> versions() {
  return {{"node", "20.20.2"}, {"nodecc", "0.1.0"},   {"uv", uv_version_string()},
          {"llhttp", "8.1.0"}, {"nghttp2", "1.52.0"}, {"openssl", "3.0"}};
}

std::string cwd() {
  char buf[4096];
  std::size_t n = sizeof buf;
  int r = uv_cwd(buf, &n);
  if (r != 0) throw errors::uvException(r, "uv_cwd");
  return std::string(buf, n);
}

void chdir(std::string_view dir) {
  std::string d(dir);
  int r = uv_chdir(d.c_str());
  if (r != 0) throw errors::uvException(r, "chdir", cwd(), d);
}

std::string title() {
  char buf[512];
  if (uv_get_process_title(buf, sizeof buf) == 0 && buf[0]) return buf;
  return argv0();
}

unsigned umask() {
  mode_t old = ::umask(0);
  ::umask(old);
  return static_cast<unsigned>(old);
}

void exit(std::optional<int> code) {
  Environment& env = Environment::require();
  if (code) env.setExitCode(*code);
  if (!env.exiting()) env.emitExit(true);
  throw ProcessExit{env.exitCode().value_or(0)};
}

void abort() { std::abort(); }

ExitCodeProperty::operator std::optional<int>() const { return Environment::require().exitCode(); }
ExitCodeProperty& ExitCodeProperty::operator=(int code) {
  Environment::require().setExitCode(code);
  return *this;
}
ExitCodeProperty& ExitCodeProperty::operator=(std::nullopt_t) {
  Environment::require().setExitCode(std::nullopt);
  return *this;
}

bool kill(int pid, int signal) {
  int r = uv_kill(pid, signal);
  if (r != 0) throw errors::errnoException(r, "kill");
  return true;
}

bool kill(int pid, std::string_view signal) {
  int num = os_signals::fromName(signal);
  if (num < 0)
    throw errors::typeError("ERR_UNKNOWN_SIGNAL", "Unknown signal: " + std::string(signal));
  return kill(pid, num);
}

std::array<std::int64_t, 2> HrTime::operator()() const {
  std::uint64_t t = uv_hrtime();
  return {static_cast<std::int64_t>(t / 1000000000ULL),
          static_cast<std::int64_t>(t % 1000000000ULL)};
}

std::array<std::int64_t, 2> HrTime::operator()(const std::array<std::int64_t, 2>& prev) const {
  auto now = (*this)();
  std::int64_t sec = now[0] - prev[0];
  std::int64_t nsec = now[1] - prev[1];
  if (nsec < 0) {
    --sec;
    nsec += 1000000000LL;
  }
  return {sec, nsec};
}

std::uint64_t HrTime::bigint() const { return uv_hrtime(); }

double uptime() {
  auto& I = Environment::require().impl();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - I.startTime).count();
}

namespace memory {
std::uint64_t rss() {
  std::size_t r = 0;
  uv_resident_set_memory(&r);
  return r;
}
}  // namespace memory

MemoryUsage memoryUsage() {
  MemoryUsage m;
  m.rss = memory::rss();
  struct mallinfo2 mi = ::mallinfo2();
  m.heapTotal = mi.arena + mi.hblkhd;
  m.heapUsed = mi.uordblks + mi.hblkhd;
  m.arrayBuffers = detail::gArrayBufferBytes.load(std::memory_order_relaxed);
  m.external = m.arrayBuffers;
  return m;
}

void emitWarning(Error warning) {
  Environment& env = Environment::require();
  // An Error keeps its own name (only string warnings get a type), as in Node.
  if (warning.name.empty()) warning.name = "Error";
  env.nextTick(Task([&env, w = std::move(warning)]() { env.process().emit("warning", w); }));
}

void emitWarning(std::string_view warning, std::string_view type, std::string_view code) {
  Error w{std::string(warning)};
  w.name = type.empty() ? "Warning" : std::string(type);
  w.code = std::string(code);
  emitWarning(std::move(w));
}

// ---- env ----------------------------------------------------------------------------------

std::optional<std::string> EnvVars::get(std::string_view key) const {
  Environment* e = Environment::current();
  if (e && e->impl().ownEnv) {
    auto it = e->impl().envVars.find(std::string(key));
    if (it == e->impl().envVars.end()) return std::nullopt;
    return it->second;
  }
  std::lock_guard<std::mutex> lock(envMutex());
  const char* v = ::getenv(std::string(key).c_str());
  if (!v) return std::nullopt;
  return std::string(v);
}

void EnvVars::set(std::string_view key, std::string_view value) const {
  Environment* e = Environment::current();
  if (e && e->impl().ownEnv) {
    e->impl().envVars[std::string(key)] = std::string(value);
    return;
  }
  std::lock_guard<std::mutex> lock(envMutex());
  ::setenv(std::string(key).c_str(), std::string(value).c_str(), 1);
}

void EnvVars::erase(std::string_view key) const {
  Environment* e = Environment::current();
  if (e && e->impl().ownEnv) {
    e->impl().envVars.erase(std::string(key));
    return;
  }
  std::lock_guard<std::mutex> lock(envMutex());
  ::unsetenv(std::string(key).c_str());
}

std::vector<std::pair<std::string, std::string>> EnvVars::entries() const {
  std::vector<std::pair<std::string, std::string>> out;
  Environment* e = Environment::current();
  if (e && e->impl().ownEnv) {
    for (auto& [k, v] : e->impl().envVars) out.emplace_back(k, v);
    return out;
  }
  std::lock_guard<std::mutex> lock(envMutex());
  for (char** p = environ; p && *p; ++p) {
    std::string_view kv(*p);
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace_back(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return out;
}

EnvVars::Ref& EnvVars::Ref::operator=(std::string_view value) {
  EnvVars{}.set(key_, value);
  return *this;
}

EnvVars::Ref::operator std::optional<std::string>() const { return EnvVars{}.get(key_); }

}  // namespace process
}  // namespace nodecc
