// Port of worker_error_exit.js. A JS error's own properties are Error::info here.
#include "conformance.h"
#include "nodecc/worker_threads.h"

#include <algorithm>

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_error_exit) {
  if (!isMainThread()) {
    process::on("exit", [](int code) {
      parentPort()->postMessage("worker 'exit' listener: " + std::to_string(code));
    });
    parentPort()->once("message", [](const Value&) {
      Error e = errors::typeError("ERR_BOOM", "boom");
      e.info = Object{{"detail", Object{{"reason", "testing"}, {"n", 3}}}};
      throw e;
    });
  } else {
    auto w = Worker::create(nodecc_case_worker_error_exit);
    auto events = std::make_shared<std::vector<std::string>>();
    w->on("online", [w = w.get()] {
      console::log("online");
      w->postMessage("go");
    });
    w->on("message", [events](const Value& m) { events->push_back("message: " + m.asString()); });
    w->on("error", [events](const Error& e) {
      events->push_back("error: " + e.name + " " + e.code + " " + e.message + " " +
                        e.info["detail"].stringify());
    });
    w->on("exit", [events](int code) {
      std::sort(events->begin(), events->end());
      for (const std::string& e : *events) console::log(e);
      console::log("exit", code);
      setTimeout([] { console::log("the main thread goes on"); }, 1);
    });
  }
}
