// Seed, 多线程 / Worker_threads: a Worker started from this same program (Node's
// `new Worker(__filename)`), environment data, a message back to the parent.
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include <string>

using namespace nodecc;
using worker_threads::getEnvironmentData;
using worker_threads::isMainThread;
using worker_threads::parentPort;
using worker_threads::setEnvironmentData;
using worker_threads::Worker;

void script() {
  if (isMainThread()) {
    setEnvironmentData("Hi", "Node.js!");
    auto worker = Worker::create(script);
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

int main(int argc, char** argv) { return nodecc::main(argc, argv, script); }
