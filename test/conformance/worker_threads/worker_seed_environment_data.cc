// Port of worker_seed_environment_data.js (samples/worker_threads/environment_data.cc).
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_seed_environment_data) {
  if (isMainThread()) {
    setEnvironmentData("Hi", "Node.js!");
    auto worker = Worker::create(nodecc_case_worker_seed_environment_data);
    worker->on("message", [](const Value& message) { console::log(message); });
    worker->on("exit", [](int code) {
      if (code != 0) {
        console::log("Worker stopped with exit code " + std::to_string(code));
      }
    });
  } else {
    console::log(getEnvironmentData("Hi"));
    parentPort()->postMessage("hello world");
  }
}
