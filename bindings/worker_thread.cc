#include "bindings/worker_thread.h"

#include <pthread.h>

#include <utility>

#include "nodecc/errors.h"

#if defined(__SANITIZE_THREAD__)
// ThreadSanitizer and worker threads: Debian's libuv is not instrumented, and closes
// descriptors with a raw close syscall that TSan does not see. When another thread's
// loop then gets the same descriptor number (every worker loop opens an epoll fd, an
// eventfd, a signal pipe …), TSan reports a race on its own descriptor table at the
// call that created it. Those reports are false: ignore what the interceptors see of
// libuv's calls. (TSan then also ignores the synchronisation of those calls — libuv's
// mutexes, its eventfd writes and reads — except thread creation and joining, which
// stay tracked. That can only add reports, never hide a race in nodecc's own code,
// whose cross-thread data goes through its own std::mutex and atomics.)
extern "C" const char* __tsan_default_suppressions() { return "called_from_lib:libuv.so.1\n"; }
#endif

namespace nodecc::bindings {

// The parent-side uv_async_t that the ending thread signals.
class WorkerThread::ExitSignal final : public HandleWrap {
 public:
  ExitSignal(Environment& env, std::shared_ptr<WorkerThread> owner)
      : HandleWrap(env, (uv_async_init(env.loop(), &async_, &ExitSignal::onAsync),
                         reinterpret_cast<uv_handle_t*>(&async_))),
        owner_(std::move(owner)) {}
  void send() { uv_async_send(&async_); }

 private:
  void onClosing() override {
    std::lock_guard<std::mutex> lock(owner_->mutex_);
    owner_->signal_ = nullptr;
  }
  static void onAsync(uv_async_t* h) {
    auto* self = static_cast<ExitSignal*>(static_cast<HandleWrap*>(h->data));
    if (self->isClosing()) return;
    // Keep the owner alive: onSignal closes this handle.
    std::shared_ptr<WorkerThread> owner = self->owner_;
    owner->onSignal();
  }
  uv_async_t async_;
  std::shared_ptr<WorkerThread> owner_;
};

std::shared_ptr<WorkerThread> WorkerThread::start(Environment& parent, EnvironmentOptions opts,
                                                  std::size_t stackSize, std::string name,
                                                  Body body, OnExit onExit) {
  std::shared_ptr<WorkerThread> t(new WorkerThread());
  t->opts_ = std::move(opts);
  t->name_ = std::move(name);
  t->body_ = std::move(body);
  t->onExit_ = std::move(onExit);
  t->signal_ = new ExitSignal(parent, t);
  t->selfForThread_ = t;
  uv_thread_options_t o;
  o.flags = UV_THREAD_HAS_STACK_SIZE;
  o.stack_size = stackSize;
  int r = uv_thread_create_ex(&t->tid_, &o, &WorkerThread::threadMain, t.get());
  if (r != 0) {
    t->selfForThread_.reset();
    t->signal_->close();
    t->joined_ = true;  // nothing to join
    throw errors::error("ERR_WORKER_INIT_FAILED",
                        "Worker initialization failure: " + errors::uvErrMessage(r));
  }
  return t;
}

WorkerThread::~WorkerThread() {
  // The running thread holds a reference, so the thread has ended here; it was
  // joined, detached, or this runs on the thread itself as it ends.
  if (!joined_ && !detached_) pthread_detach(tid_);
}

void WorkerThread::threadMain(void* arg) { static_cast<WorkerThread*>(arg)->run(); }

void WorkerThread::run() {
  std::shared_ptr<WorkerThread> self = std::move(selfForThread_);
  if (!name_.empty()) pthread_setname_np(pthread_self(), name_.substr(0, 15).c_str());
  int code = 0;
  {
    opts_.beforeMainScript = [this] {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopBeforeStart_) return false;
      scriptStarted_ = true;
      return true;
    };
    Environment env(std::move(opts_));
    bool runBody;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      runBody = !stopBeforeStart_;
      if (runBody) childEnv_ = &env;
    }
    if (runBody) {
      // Teardown closes the async handle requestStop() uses: forget the Environment
      // first (cleanup hooks run before handles close).
      env.addCleanupHook([this] {
        std::lock_guard<std::mutex> lock(mutex_);
        childEnv_ = nullptr;
      });
      code = body_(env);
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      childEnv_ = nullptr;
      // Node's Worker::Exit sets exit_code_ along with stopping the thread: a stop
      // requested while the Environment existed decides the exit code even when the
      // loop ran out of work before it saw the request (e.g. stop() arrived during
      // the last callback, after the loop's final poll).
      if (stopCode_) code = *stopCode_;
    }
    body_ = nullptr;  // what the body captured dies on this thread, with its Environment
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    exitCode_ = code;
    if (signal_) signal_->send();
  }
  cv_.notify_all();
}

void WorkerThread::stop(int exitCode) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (finished_) return;
  if (childEnv_ && scriptStarted_) {
    childEnv_->requestStop(exitCode);
    stopCode_ = exitCode;
  } else {
    // The script has not started: it never will, and the Environment (if made) ends with 0.
    stopBeforeStart_ = true;
    if (childEnv_) childEnv_->requestStop(0);
  }
}

void WorkerThread::ref() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (signal_) signal_->ref();
}

void WorkerThread::unref() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (signal_) signal_->unref();
}

bool WorkerThread::hasRef() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return signal_ && signal_->hasRef();
}

bool WorkerThread::finished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return finished_;
}

bool WorkerThread::joinFor(std::chrono::milliseconds timeout) {
  if (joined_) return true;
  if (detached_) return false;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_for(lock, timeout, [this] { return finished_; })) {
      detached_ = true;
      pthread_detach(tid_);
      return false;
    }
  }
  uv_thread_join(&tid_);
  joined_ = true;
  return true;
}

void WorkerThread::onSignal() {
  int code;
  ExitSignal* sig;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!finished_) return;
    code = exitCode_;
    sig = signal_;
  }
  if (!joined_ && !detached_) {
    uv_thread_join(&tid_);
    joined_ = true;
  }
  if (sig) sig->close();
  if (OnExit cb = std::move(onExit_)) cb(code);
}

}  // namespace nodecc::bindings
