#include "bindings/process_wrap.h"

#include <csignal>
#include <cmath>
#include <memory>

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

// ---- ProcessWrap ------------------------------------------------------------------------

ProcessWrap::ProcessWrap(Environment& env)
    : HandleWrap(env, reinterpret_cast<uv_handle_t*>(&process_)) {}

ProcessWrap* ProcessWrap::spawn(Environment& env, const ProcessOptions& o, ExitCallback onExit,
                                int* err) {
  auto* w = new ProcessWrap(env);
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
  if (isClosing()) return UV_ESRCH;
  return uv_process_kill(&process_, signal);
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
