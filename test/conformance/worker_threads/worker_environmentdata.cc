// Port of worker_environmentdata.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_environmentdata) {
  if (isMainThread()) {
    setEnvironmentData("foo", "bar");
    setEnvironmentData("hello", Object{{"value", "world"}});
    setEnvironmentData(1, 2);
    console::log("main: get(1) =", getEnvironmentData(1));
    setEnvironmentData(1);  // Delete it, key won't show up in the worker.
    auto w = Worker::create(nodecc_case_worker_environmentdata);
    setEnvironmentData("hello");  // Delete it. Has no impact on the worker.
    console::log("main: hello after delete =", getEnvironmentData("hello"));
    auto n = std::make_shared<int>(0);
    w->on("message",
          [n](const Value& m) { console::log("report " + std::to_string(++*n) + ":", m); });
    w->on("exit", [](int code) { console::log("exit", code); });
  } else {
    Value report = Object{
        {"foo", getEnvironmentData("foo")},
        {"hello", getEnvironmentData("hello")},
        {"one", getEnvironmentData(1)},
        {"nested", threadId() != 1},
    };
    parentPort()->postMessage(report);
    // Recurse to make sure the environment data is inherited
    if (threadId() == 1) {
      auto inner = Worker::create(nodecc_case_worker_environmentdata);
      inner->on("message", [](const Value& m) { parentPort()->postMessage(m); });
    }
  }
}
