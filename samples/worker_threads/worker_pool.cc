// Seed, 多线程: the WorkerPool (worker_pool.js), its task script (task2.js) and the
// script that runs ten tasks on os.cpus().length workers.
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace nodecc;
using worker_threads::parentPort;
using worker_threads::Worker;
using worker_threads::WorkerPtr;

// ---- task2.js ----------------------------------------------------------------------
void task2() {
  parentPort()->on("message", [](const Value& task) {
    parentPort()->postMessage(task["a"].asNumber() + task["b"].asNumber());
  });
}

// ---- worker_pool.js ----------------------------------------------------------------
// JS symbols become event/key names nobody else uses.
constexpr const char* kWorkerFreedEvent = "kWorkerFreedEvent";

using TaskCallback = std::function<void(std::optional<Error>, Value)>;

// The seed's `class WorkerPoolTaskInfo extends AsyncResource`: it carries one task's
// callback and runs it exactly once. (nodecc has no async_hooks, so there is no async
// scope to enter: runInAsyncScope(callback, null, err, result) is just the call, and
// emitDestroy() is dropping the callback.)
class WorkerPoolTaskInfo {
 public:
  explicit WorkerPoolTaskInfo(TaskCallback callback) : callback_(std::move(callback)) {}

  void done(std::optional<Error> err, Value result) {
    TaskCallback cb = std::move(callback_);  // only runs once
    callback_ = nullptr;
    if (cb) cb(std::move(err), std::move(result));
  }

 private:
  TaskCallback callback_;
};

class WorkerPool : public EventEmitter {
 public:
  explicit WorkerPool(unsigned numThreads) : numThreads_(numThreads) {
    for (unsigned i = 0; i < numThreads_; i++) addNewWorker();
  }

  // Adds a worker thread.
  void addNewWorker() {
    WorkerPtr worker = Worker::create("task2.js");
    Worker* w = worker.get();
    worker->on("message", [this, w](const Value& result) {
      // Success: hand the result to the task's callback and forget the TaskInfo.
      takeTaskInfo(w)->done(std::nullopt, result);
      freeWorkers_.push_back(find(w));
      emit(kWorkerFreedEvent);
    });
    worker->on("error", [this, w](const Error& err) {
      // On an error, call the task's callback with it.
      if (auto info = takeTaskInfo(w))
        info->done(err, nullptr);
      else
        emit("error", err);
      // Remove this worker and start a new one in its place.
      workers_.erase(std::find(workers_.begin(), workers_.end(), find(w)));
      addNewWorker();
    });
    workers_.push_back(worker);
    freeWorkers_.push_back(worker);
    emit(kWorkerFreedEvent);
  }

  // Runs a task.
  void runTask(Value task, TaskCallback callback) {
    if (freeWorkers_.empty()) {
      once(kWorkerFreedEvent, [this, task, callback] { runTask(task, callback); });
      return;
    }
    WorkerPtr worker = freeWorkers_.back();
    freeWorkers_.pop_back();
    taskInfo_[worker.get()] = std::make_unique<WorkerPoolTaskInfo>(std::move(callback));
    worker->postMessage(task);
  }

  // Closes the threads.
  void close() {
    for (const WorkerPtr& worker : workers_) worker->terminate();
  }

 private:
  std::unique_ptr<WorkerPoolTaskInfo> takeTaskInfo(Worker* w) {
    auto it = taskInfo_.find(w);
    if (it == taskInfo_.end()) return nullptr;
    auto info = std::move(it->second);
    taskInfo_.erase(it);
    return info;
  }
  WorkerPtr find(Worker* w) {
    for (const WorkerPtr& p : workers_)
      if (p.get() == w) return p;
    return nullptr;
  }

  unsigned numThreads_;
  std::vector<WorkerPtr> workers_;
  std::vector<WorkerPtr> freeWorkers_;
  std::map<Worker*, std::unique_ptr<WorkerPoolTaskInfo>> taskInfo_;  // worker[kTaskInfo]
};

// ---- the calling script ----------------------------------------------------------------
int main(int argc, char** argv) {
  worker_threads::registerWorker("task2", task2);
  return nodecc::main(argc, argv, [] {
    // os.cpus().length
    auto pool = std::make_shared<WorkerPool>(std::max(1u, std::thread::hardware_concurrency()));

    auto finished = std::make_shared<int>(0);
    for (int i = 0; i < 10; i++) {
      pool->runTask(Object{{"a", 42}, {"b", 100}},
                    [i, finished, pool](std::optional<Error> err, Value result) {
                      console::log(i, err, result);
                      if (++*finished == 10) pool->close();
                    });
    }
  });
}
