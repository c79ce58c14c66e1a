// bindings/worker_thread.h — a thread running its own Environment (Node's node_worker.cc).
//
// The parent starts a thread that makes an Environment, runs a body in it (the
// module runs the worker's script and loop there), destroys the Environment (which
// closes every handle the worker opened) and then signals the parent's loop
// through a uv_async_t; the parent joins the thread and gets the exit code.
//
// stop() is Node's stopThread: the worker's Environment stops at its next return
// to its event loop (Environment::requestStop). C++ code that never returns to the
// loop cannot be interrupted; joinFor() lets the parent give up waiting for it.
#pragma once

#include <uv.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "bindings/handle_wrap.h"
#include "nodecc/environment.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

class WorkerThread : public std::enable_shared_from_this<WorkerThread> {
 public:
  /// Runs on the new thread inside its Environment; returns the exit code.
  using Body = UniqueFunction<int(Environment&)>;
  /// Runs on the parent's thread, from its loop, once the thread has ended.
  using OnExit = UniqueFunction<void(int exitCode)>;

  /// Starts the thread with a stack of `stackSize` bytes. Throws an Error
  /// (ERR_WORKER_INIT_FAILED, as Node) when the thread cannot be created.
  /// `name` (if any) becomes the OS thread's name (15 bytes at most).
  static std::shared_ptr<WorkerThread> start(Environment& parent, EnvironmentOptions opts,
                                             std::size_t stackSize, std::string name, Body body,
                                             OnExit onExit);
  ~WorkerThread();
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  /// Node's stopThread: the worker's Environment stops with `exitCode` when it next
  /// returns to its loop ('exit' is not emitted inside the worker); `exitCode` is
  /// the thread's exit code even if its loop runs out of work before it sees the
  /// request (Node's Worker::Exit sets exit_code_ at once). Before the
  /// Environment's main script starts, the script does not run and the exit code is 0
  /// (as in Node, where the thread starts too slowly for anything else to happen).
  void stop(int exitCode);
  /// Whether the exit notification keeps the parent's loop alive (default true).
  void ref();
  void unref();
  bool hasRef() const;
  /// Parent teardown: waits up to `timeout` for the thread to end, then joins it.
  /// Returns false (and leaves the thread running, detached) when it did not end.
  bool joinFor(std::chrono::milliseconds timeout);
  /// True once the thread's Environment is gone.
  bool finished() const;

 private:
  class ExitSignal;
  WorkerThread() = default;
  static void threadMain(void* arg);
  void run();
  void onSignal();  // on the parent's thread

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  Environment* childEnv_ = nullptr;  // guarded by mutex_
  bool stopBeforeStart_ = false;     // guarded by mutex_
  bool scriptStarted_ = false;       // guarded by mutex_; the body's main script began
  std::optional<int> stopCode_;      // guarded by mutex_; stop() reached the Environment
  bool finished_ = false;            // guarded by mutex_
  int exitCode_ = 0;                 // guarded by mutex_
  ExitSignal* signal_ = nullptr;     // guarded by mutex_; the parent-side async, until closed
  bool joined_ = false;              // parent thread only
  bool detached_ = false;            // parent thread only
  uv_thread_t tid_{};
  EnvironmentOptions opts_;
  std::string name_;
  Body body_;
  OnExit onExit_;
  std::shared_ptr<WorkerThread> selfForThread_;  // held by the running thread
};

}  // namespace nodecc::bindings
