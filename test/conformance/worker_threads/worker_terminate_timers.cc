// Port of worker_terminate_timers.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

#include <chrono>

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
void busy(int ms) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
  }
}
void next(std::size_t i);
const char* const kFns[] = {"setTimeout", "setImmediate", "setInterval"};
}  // namespace

NODECC_CONFORMANCE_CASE(worker_terminate_timers) {
  if (!isMainThread()) {
    auto callback = [] {
      parentPort()->postMessage(Object{});
      busy(50);
    };
    std::string fn = workerData().asString();
    if (fn == "setTimeout") setTimeout(callback);
    if (fn == "setImmediate") setImmediate(callback);
    if (fn == "setInterval") setInterval(callback);
  } else {
    next(0);
  }
}

namespace {
void next(std::size_t i) {
  if (i == std::size(kFns)) return;
  auto worker = Worker::create(nodecc_case_worker_terminate_timers, {.workerData = kFns[i]});
  auto messages = std::make_shared<int>(0);
  worker->on("message", [messages, w = worker.get()](const Value&) {
    if (++*messages == 1) w->terminate();
  });
  worker->on("exit", [i, messages](int code) {
    console::log(std::string(kFns[i]) + ": terminated with", code,
                 "after at least one message:", *messages >= 1);
    next(i + 1);
  });
}
}  // namespace
