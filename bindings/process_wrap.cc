#include "bindings/process_wrap.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cmath>
#include <memory>
#include <string_view>

#include "bindings/stream_wrap.h"

namespace nodecc::bindings {

namespace {

// argv/envp arrays for uv_spawn: pointers into `strings`, null-terminated.
std::vector<char*> cStrings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (const std::string& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

void fillOptions(const ProcessOptions& o, uv_process_options_t* uo, std::vector<char*>* argv,
                 std::vector<char*>* envp) {
  *argv = cStrings(o.args);
  *envp = cStrings(o.envPairs);
  uo->file = o.file.c_str();
  uo->args = argv->data();
  uo->env = envp->data();
  uo->cwd = o.cwd ? o.cwd->c_str() : nullptr;
  uo->flags = 0;
  if (o.detached) uo->flags |= UV_PROCESS_DETACHED;
  if (o.uid) {
    uo->flags |= UV_PROCESS_SETUID;
    uo->uid = static_cast<uv_uid_t>(*o.uid);
  }
  if (o.gid) {
    uo->flags |= UV_PROCESS_SETGID;
    uo->gid = static_cast<uv_gid_t>(*o.gid);
  }
}

}  // namespace

// ---- the posix_spawn way ---------------------------------------------------------------

namespace {

// Descriptors the parent opened for one spawn, closed when it is done (whatever happened).
struct OwnedFds {
  std::vector<int> fds;
  ~OwnedFds() {
    for (int fd : fds) ::close(fd);
  }
  int keep(int fd) {
    fds.push_back(fd);
    return fd;
  }
  void release(int fd) {
    for (int& f : fds)
      if (f == fd) f = -1;
    std::erase(fds, -1);
  }
};

// execvp's search, in the child's environment: the first PATH entry holding an
// executable regular file. Empty when there is no PATH or no match (uv_spawn then
// reports exactly what execvp would have).
std::string searchPath(const std::string& file, const std::vector<std::string>& envPairs) {
  if (file.empty()) return {};
  if (file.find('/') != std::string::npos) return file;
  const std::string* path = nullptr;
  for (const std::string& kv : envPairs)
    if (kv.starts_with("PATH=")) path = &kv;  // the last one wins, as getenv in the child
  if (!path) return {};
  std::string_view dirs = std::string_view(*path).substr(5);
  while (true) {
    std::size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    std::string candidate = dir.empty() ? file : std::string(dir) + "/" + file;
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) return {};
    dirs.remove_prefix(colon + 1);
  }
}

// A descriptor the child must receive in a stdio slot: below the slot count it could be
// overwritten by an earlier slot's dup2, so it is first copied above them (libuv's child
// does the same). Returns the descriptor to dup2 from, or -1.
int aboveSlots(int fd, int slot, int slots, OwnedFds& owned) {
  if (fd == slot || fd >= slots) return fd;
  int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, slots);
  return copy < 0 ? -1 : owned.keep(copy);
}

// pidfd_open exists (Linux 5.3): checked once, on this process.
bool pidfdWorks() {
  static const bool works = [] {
    int fd = static_cast<int>(::syscall(SYS_pidfd_open, ::getpid(), 0));
    if (fd < 0) return false;
    ::close(fd);
    return true;
  }();
  return works;
}

}  // namespace

bool ProcessWrap::spawnFast(const ProcessOptions& o) {
  if (o.uid || o.gid || !pidfdWorks()) return false;
  const std::string file = searchPath(o.file, o.envPairs);
  if (file.empty()) return false;
  const int slots = static_cast<int>(o.stdio.size());

  OwnedFds owned;
  // A descriptor kept free for the pidfd: once the child runs, being unable to watch it
  // would leave only killing it (after it may have done something) and starting over.
  int reserved = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (reserved < 0) return false;  // uv_spawn reports the EMFILE
  owned.keep(reserved);
  std::vector<int> source(o.stdio.size(), -1);  // what each slot's child descriptor copies
  std::vector<int> parentEnd(o.stdio.size(), -1);
  for (int i = 0; i < slots; ++i) {
    const StdioContainer& c = o.stdio[static_cast<std::size_t>(i)];
    int fd = -1;
    switch (c.kind) {
      case StdioContainer::Kind::kIgnore:
        continue;
      case StdioContainer::Kind::kCreatePipe: {
        // As libuv: a blocking socket pair; the parent's end is made non-blocking below.
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
        parentEnd[static_cast<std::size_t>(i)] = owned.keep(sv[0]);
        fd = owned.keep(sv[1]);
        break;
      }
      case StdioContainer::Kind::kInheritFd:
        fd = c.fd;
        break;
      case StdioContainer::Kind::kInheritStream: {
        uv_os_fd_t sfd;
        if (uv_fileno(reinterpret_cast<uv_handle_t*>(c.stream->stream()), &sfd) != 0) return false;
        fd = sfd;
        break;
      }
    }
    if (fd < 0) return false;
    fd = aboveSlots(fd, i, slots, owned);
    if (fd < 0) return false;
    source[static_cast<std::size_t>(i)] = fd;
  }

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  if (posix_spawn_file_actions_init(&actions) != 0) return false;
  if (posix_spawnattr_init(&attr) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return false;
  }
  int rc = 0;
  for (int i = 0; i < slots && rc == 0; ++i) {
    int fd = source[static_cast<std::size_t>(i)];
    if (fd < 0) {
      // An ignored stdin/stdout/stderr reads and writes /dev/null; higher slots get nothing.
      if (i <= 2)
        rc = posix_spawn_file_actions_addopen(&actions, i, "/dev/null", i == 0 ? O_RDONLY : O_RDWR,
                                              0);
      continue;
    }
    // dup2 onto itself clears FD_CLOEXEC (glibc >= 2.29), as libuv's child does.
    rc = posix_spawn_file_actions_adddup2(&actions, fd, i);
    // libuv's child puts its stdio in blocking mode, which changes the shared open file
    // description: do it here, for what the child gets on 0-2.
    if (rc == 0 && i <= 2 &&
        o.stdio[static_cast<std::size_t>(i)].kind != StdioContainer::Kind::kCreatePipe) {
      int flags = ::fcntl(fd, F_GETFL);
      if (flags >= 0 && (flags & O_NONBLOCK)) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
  }
  if (rc == 0 && o.cwd) rc = posix_spawn_file_actions_addchdir_np(&actions, o.cwd->c_str());
  if (rc == 0) {
    sigset_t defaults, none;
    sigemptyset(&defaults);
    for (int sig = 1; sig < 32; ++sig)
      if (sig != SIGKILL && sig != SIGSTOP) sigaddset(&defaults, sig);
    // glibc's own signals (32 and 33): its posix_spawn leaves them ignored in the child
    // unless they are in this set, and SIG_IGN survives exec (a forked child starts with
    // them at SIG_DFL). sigaddset refuses them, so their bits are set directly.
    auto* words = reinterpret_cast<unsigned long*>(&defaults);
    constexpr int kBits = 8 * sizeof(unsigned long);
    for (int sig : {32, 33}) words[(sig - 1) / kBits] |= 1UL << ((sig - 1) % kBits);
    sigemptyset(&none);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (o.detached) flags |= POSIX_SPAWN_SETSID;
    rc = posix_spawnattr_setsigdefault(&attr, &defaults);
    if (rc == 0) rc = posix_spawnattr_setsigmask(&attr, &none);
    if (rc == 0) rc = posix_spawnattr_setflags(&attr, flags);
  }
  pid_t pid = 0;
  if (rc == 0) {
    std::vector<char*> argv = cStrings(o.args);
    std::vector<char*> envp = cStrings(o.envPairs);
    rc = posix_spawn(&pid, file.c_str(), &actions, &attr, argv.data(), envp.data());
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return false;  // nothing started: uv_spawn reports it

  // The child runs. From here on nothing may fail back to uv_spawn.
  owned.release(reserved);
  ::close(reserved);
  int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) {
    // Another thread took the reserved slot first: the last resort is to stop this
    // child and let uv_spawn start another.
    ::kill(pid, SIGKILL);
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return false;
  }
  pidfd_ = pidfd;
  pid_ = pid;
  uv_poll_init(env().loop(), &poll_, pidfd_);  // started by watchExit()
  for (int i = 0; i < slots; ++i) {
    int fd = parentEnd[static_cast<std::size_t>(i)];
    if (fd < 0) continue;
    owned.release(fd);
    auto* pipe =
        reinterpret_cast<uv_pipe_t*>(o.stdio[static_cast<std::size_t>(i)].stream->stream());
    uv_pipe_open(pipe, fd);  // non-blocking, readable and writable, as uv_spawn opens it
  }
  return true;
}

void ProcessWrap::watchExit() {
  if (pidfd_ < 0 || watching_ || isClosing()) return;
  watching_ = true;
  uv_poll_start(&poll_, UV_READABLE, &ProcessWrap::onPidfd);
}

void ProcessWrap::onPidfd(uv_poll_t* p, int, int) {
  auto* self = static_cast<ProcessWrap*>(p->data);
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(self->pid_, &status, WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return;  // not yet (a spurious wakeup)
  uv_poll_stop(&self->poll_);
  self->reaped_ = true;
  std::int64_t exitStatus = 0;
  int termSignal = 0;
  if (r > 0) {
    if (WIFEXITED(status)) exitStatus = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) termSignal = WTERMSIG(status);
  }
  ExitCallback cb = std::move(self->onExit_);
  if (cb) cb(exitStatus, termSignal);
}

// ---- ProcessWrap ------------------------------------------------------------------------

ProcessWrap::ProcessWrap(Environment& env)
    : HandleWrap(env, reinterpret_cast<uv_handle_t*>(&process_)) {}

ProcessWrap::~ProcessWrap() {
  if (pidfd_ >= 0) ::close(pidfd_);
}

ProcessWrap* ProcessWrap::spawn(Environment& env, const ProcessOptions& o, ExitCallback onExit,
                                int* err) {
  auto* w = new ProcessWrap(env);
  if (w->spawnFast(o)) {
    *err = 0;
    w->onExit_ = std::move(onExit);
    return w;
  }
  uv_process_options_t uo{};
  std::vector<char*> argv, envp;
  fillOptions(o, &uo, &argv, &envp);
  std::vector<uv_stdio_container_t> stdio(o.stdio.size());
  for (std::size_t i = 0; i < o.stdio.size(); ++i) {
    const StdioContainer& s = o.stdio[i];
    switch (s.kind) {
      case StdioContainer::Kind::kIgnore:
        stdio[i].flags = UV_IGNORE;
        break;
      case StdioContainer::Kind::kCreatePipe:
        stdio[i].flags =
            static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
        stdio[i].data.stream = s.stream->stream();
        break;
      case StdioContainer::Kind::kInheritFd:
        stdio[i].flags = UV_INHERIT_FD;
        stdio[i].data.fd = s.fd;
        break;
      case StdioContainer::Kind::kInheritStream:
        stdio[i].flags = UV_INHERIT_STREAM;
        stdio[i].data.stream = s.stream->stream();
        break;
    }
  }
  uo.stdio = stdio.data();
  uo.stdio_count = static_cast<int>(stdio.size());
  uo.exit_cb = &ProcessWrap::onExitCb;
  // The handle's data pointer is ours already (HandleWrap's constructor); uv_spawn keeps it.
  *err = uv_spawn(env.loop(), &w->process_, &uo);
  if (*err == 0) {
    w->pid_ = w->process_.pid;
    w->onExit_ = std::move(onExit);
  }
  return w;
}

void ProcessWrap::onExitCb(uv_process_t* p, std::int64_t exitStatus, int termSignal) {
  auto* self = static_cast<ProcessWrap*>(p->data);
  ExitCallback cb = std::move(self->onExit_);
  if (cb) cb(exitStatus, termSignal);
}

int ProcessWrap::kill(int signal) {
  if (isClosing() || reaped_) return UV_ESRCH;
  if (pidfd_ < 0) return uv_process_kill(&process_, signal);
  return ::kill(pid_, signal) == 0 ? 0 : -errno;
}

// ---- spawnSync (Node's SyncProcessRunner) -----------------------------------------------------

namespace {

struct SyncRunner;

struct SyncPipe {
  uv_pipe_t pipe;
  uv_write_t writeReq;
  uv_shutdown_t shutdownReq;
  SyncRunner* runner = nullptr;
  const SyncStdio* spec = nullptr;
  std::vector<Buffer> chunks;
  bool closing = false;
};

struct SyncRunner {
  const SyncOptions& opts;
  uv_loop_t loop;
  uv_process_t process;
  uv_timer_t timer;
  bool timerInit = false;
  bool processInit = false;
  std::vector<std::unique_ptr<SyncPipe>> pipes;
  double bufferedOutput = 0;
  bool killed = false;
  bool exited = false;
  SyncResult result;
  std::vector<char> scratch = std::vector<char>(64 * 1024);  // every read lands here

  explicit SyncRunner(const SyncOptions& o) : opts(o) {}

  void setError(int err) {
    if (result.error == 0) result.error = err;
  }

  void closePipe(SyncPipe* p) {
    if (p->closing) return;
    p->closing = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&p->pipe), nullptr);
  }
  void closePipes() {
    for (auto& p : pipes) closePipe(p.get());
  }
  void closeTimer() {
    if (timerInit && !uv_is_closing(reinterpret_cast<uv_handle_t*>(&timer))) {
      uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
    }
  }

  // SyncProcessRunner::Kill: the kill signal (SIGKILL when that fails), then stop
  // reading and stop the timer.
  void kill() {
    if (killed) return;
    killed = true;
    if (!exited && processInit) {
      int r = uv_process_kill(&process, opts.killSignal);
      if (r < 0 && r != UV_ESRCH) {
        setError(r);
        uv_process_kill(&process, SIGKILL);
      }
    }
    closePipes();
    closeTimer();
  }

  void onOutput(std::size_t n) {
    bufferedOutput += static_cast<double>(n);
    if (opts.maxBuffer > 0 && std::isfinite(opts.maxBuffer) && bufferedOutput > opts.maxBuffer) {
      setError(UV_ENOBUFS);
      kill();
    }
  }

  void run() {
    if (int r = uv_loop_init(&loop); r != 0) {
      setError(r);
      return;
    }
    if (opts.timeout > 0) {
      uv_timer_init(&loop, &timer);
      timerInit = true;
      timer.data = this;
      uv_timer_start(
          &timer,
          [](uv_timer_t* t) {
            auto* self = static_cast<SyncRunner*>(t->data);
            self->setError(UV_ETIMEDOUT);
            self->kill();
          },
          static_cast<std::uint64_t>(opts.timeout), 0);
      uv_unref(reinterpret_cast<uv_handle_t*>(&timer));
    }
    uv_process_options_t uo{};
    std::vector<char*> argv, envp;
    fillOptions(opts.process, &uo, &argv, &envp);
    std::vector<uv_stdio_container_t> stdio(opts.syncStdio.size());
    for (std::size_t i = 0; i < opts.syncStdio.size(); ++i) {
      const SyncStdio& s = opts.syncStdio[i];
      if (s.kind == SyncStdio::Kind::kIgnore) {
        stdio[i].flags = UV_IGNORE;
      } else if (s.kind == SyncStdio::Kind::kInheritFd) {
        stdio[i].flags = UV_INHERIT_FD;
        stdio[i].data.fd = s.fd;
      } else {
        auto p = std::make_unique<SyncPipe>();
        uv_pipe_init(&loop, &p->pipe, 0);
        p->pipe.data = p.get();
        p->runner = this;
        p->spec = &s;
        int flags = UV_CREATE_PIPE;
        if (s.readable) flags |= UV_READABLE_PIPE;
        if (s.writable) flags |= UV_WRITABLE_PIPE;
        stdio[i].flags = static_cast<uv_stdio_flags>(flags);
        stdio[i].data.stream = reinterpret_cast<uv_stream_t*>(&p->pipe);
        pipes.push_back(std::move(p));
      }
    }
    uo.stdio = stdio.data();
    uo.stdio_count = static_cast<int>(stdio.size());
    uo.exit_cb = [](uv_process_t* p, std::int64_t status, int sig) {
      auto* self = static_cast<SyncRunner*>(p->data);
      self->exited = true;
      self->result.exited = true;
      self->result.exitStatus = status;
      self->result.termSignal = sig;
      uv_close(reinterpret_cast<uv_handle_t*>(p), nullptr);
      self->closeTimer();
    };
    process.data = this;
    int r = uv_spawn(&loop, &process, &uo);
    processInit = true;
    if (r != 0) {
      setError(r);
      uv_close(reinterpret_cast<uv_handle_t*>(&process), nullptr);
      closePipes();
      closeTimer();
      return;
    }
    result.pid = process.pid;
    for (auto& pp : pipes) start(pp.get());
    uv_run(&loop, UV_RUN_DEFAULT);
  }

  void start(SyncPipe* p) {
    auto* stream = reinterpret_cast<uv_stream_t*>(&p->pipe);
    if (p->spec->readable) {
      if (!p->spec->input.empty()) {
        uv_buf_t buf = uv_buf_init(const_cast<char*>(p->spec->input.chars()),
                                   static_cast<unsigned>(p->spec->input.length()));
        p->writeReq.data = p;
        int r = uv_write(&p->writeReq, stream, &buf, 1, [](uv_write_t* w, int status) {
          auto* pp = static_cast<SyncPipe*>(w->data);
          if (status < 0 && status != UV_EPIPE && status != UV_ECANCELED)
            pp->runner->setError(status);
        });
        if (r < 0) setError(r);
      }
      p->shutdownReq.data = p;
      int r = uv_shutdown(&p->shutdownReq, stream, [](uv_shutdown_t* s, int status) {
        auto* pp = static_cast<SyncPipe*>(s->data);
        if (status < 0 && status != UV_ENOTCONN && status != UV_ECANCELED)
          pp->runner->setError(status);
      });
      if (r < 0 && r != UV_ENOTCONN) setError(r);
    }
    if (p->spec->writable) {
      int r = uv_read_start(
          stream,
          [](uv_handle_t* h, std::size_t, uv_buf_t* buf) {
            SyncRunner* self = static_cast<SyncPipe*>(h->data)->runner;
            *buf = uv_buf_init(self->scratch.data(), static_cast<unsigned>(self->scratch.size()));
          },
          [](uv_stream_t* s, ssize_t nread, const uv_buf_t* buf) {
            auto* pp = static_cast<SyncPipe*>(s->data);
            if (nread > 0) {
              pp->chunks.push_back(Buffer::copyOf(buf->base, static_cast<std::size_t>(nread)));
              pp->runner->onOutput(static_cast<std::size_t>(nread));
              return;
            }
            if (nread == 0) return;
            if (nread != UV_EOF) pp->runner->setError(static_cast<int>(nread));
            pp->runner->closePipe(pp);
          });
      if (r < 0) setError(r);
    }
  }

  void finish() {
    // Close whatever is left and let the close callbacks run, then close the loop.
    closePipes();
    closeTimer();
    if (processInit && !uv_is_closing(reinterpret_cast<uv_handle_t*>(&process))) {
      uv_close(reinterpret_cast<uv_handle_t*>(&process), nullptr);
    }
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
  }
};

}  // namespace

SyncResult spawnSync(const SyncOptions& options) {
  SyncRunner runner(options);
  runner.run();
  runner.finish();
  SyncResult& r = runner.result;
  std::size_t pipeIndex = 0;
  r.output.resize(options.syncStdio.size());
  for (std::size_t i = 0; i < options.syncStdio.size(); ++i) {
    if (options.syncStdio[i].kind != SyncStdio::Kind::kPipe) continue;
    SyncPipe* p = runner.pipes[pipeIndex++].get();
    if (options.syncStdio[i].writable) {
      r.output[i] = Buffer::concat(std::span<const Buffer>(p->chunks.data(), p->chunks.size()));
    }
  }
  return std::move(r);
}

}  // namespace nodecc::bindings
