// Port of probe4_worker_lifecycle.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
struct Run {
  std::optional<Value> workerData;
  bool terminate;
};
void script();
void next(std::size_t i) {
  static const std::vector<Run> runs = {
      {std::nullopt, false},
      {Value(nullptr), false},
      {Value(Object{
           {"a", Array{1, Object{{"b", "x"}}}}, {"s", "str"}, {"n", nullptr}, {"exitWith", 7}}),
       false},
  };
  if (i == runs.size()) return;
  const Run& run = runs[i];
  WorkerOptions opts;
  if (run.workerData) opts.workerData = *run.workerData;
  auto w = Worker::create(script, std::move(opts));
  std::string p = "run " + std::to_string(i) + ": ";
  console::log(p + "threadId " + std::to_string(w->threadId()));
  w->on("online", [p] { console::log(p + "online"); });
  w->on("message", [p](const Value& m) { console::log(p + "message", m); });
  w->on("error", [p](const Error& e) { console::log(p + "error " + e.toString()); });
  Worker* wp = w.get();
  w->on("exit", [p, wp, i](int code) {
    console::log(p + "exit " + std::to_string(code) + ", threadId now " +
                 std::to_string(wp->threadId()));
    setImmediate([i] { next(i + 1); });
  });
  if (run.terminate) {
    w->terminate().then(
        [p](const int& v) { console::log(p + "terminate resolved " + std::to_string(v)); });
  }
}
void script() {
  if (!isMainThread()) {
    const Value& wd = workerData();
    parentPort()->postMessage(Object{{"isMainThread", isMainThread()},
                                     {"threadId", threadId()},
                                     {"workerData", wd},
                                     {"hasParentPort", parentPort() != nullptr},
                                     {"mode", conformance::typeOf(wd)}});
    if (wd.isObject() && !wd["exitWith"].isUndefined()) {
      process::on("exit", [](int code) {
        parentPort()->postMessage("exit listener " + std::to_string(code));
      });
      parentPort()->postMessage("before exit()");
      process::exit(static_cast<int>(wd["exitWith"].asInt()));
      parentPort()->postMessage("after exit() (never)");
    }
  } else {
    console::log("main", isMainThread(), threadId(), workerData(), "null");
    next(0);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_worker_lifecycle) { script(); }
