// Port of worker_terminate_twice.js (the async listener is a coroutine).
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
Promise<void> onMessage(Worker* w, Value m) {
  console::log("message", m);
  if (m != Value("up")) co_return;
  Promise<int> p1 = w->terminate();
  Promise<int> p2 = w->terminate();
  console::log("terminate returned promises", true, true);
  int r1 = co_await p1;
  int r2 = co_await p2;
  console::log("resolved", r1, r2);
}
}  // namespace

NODECC_CONFORMANCE_CASE(worker_terminate_twice) {
  if (!isMainThread()) {
    process::on("exit", [](int) { parentPort()->postMessage("worker exit listener (never)"); });
    setInterval([] {}, 1000);
    parentPort()->postMessage("up");
  } else {
    auto w = Worker::create(nodecc_case_worker_terminate_twice);
    w->on("message", [w = w.get()](const Value& m) { onMessage(w, m); });
    w->on("exit",
          [w = w.get()](int code) { console::log("exit", code, "threadId", w->threadId()); });
  }
}
