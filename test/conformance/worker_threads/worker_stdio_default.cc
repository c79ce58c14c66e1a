// Port of worker_stdio_default.js.
#include <chrono>

#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_stdio_default) {
  if (!isMainThread()) {
    console::log("worker: first");
    console::log("worker: second", 2);
    return;
  }
  auto w = Worker::create(nodecc_case_worker_stdio_default);
  console::log("parent: created");
  auto seen = std::make_shared<std::string>();
  w->stdout()->on("data", [seen](const Buffer& d) { *seen += d.toString(); });
  w->on("exit", [seen](int code) { console::log("parent: exit", code, Value(*seen).stringify()); });
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  while (std::chrono::steady_clock::now() < until) {
  }
  console::log("parent: main script done");
}
