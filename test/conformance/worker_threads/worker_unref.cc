// Port of worker_unref.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_unref) {
  if (!isMainThread()) {
    parentPort()->on("message",
                     [](const Value& m) { parentPort()->postMessage("echo " + m.asString()); });
  } else {
    auto w = Worker::create(nodecc_case_worker_unref);
    w->on("exit", [](int code) { console::log("exit (never)", code); });
    w->once("message", [w = w.get()](const Value& m) {
      console::log(m);
      w->unref();
      setTimeout([] { console::log("timer after unref"); }, 10);
    });
    w->postMessage("hi");
    process::on("exit", [](int code) { console::log("process exit", code); });
  }
}
