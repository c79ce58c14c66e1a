// Port of queue_microtask_throw.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(queue_microtask_throw) {
  process::on("uncaughtException", [](const Error& err, const std::string& origin) {
    console::log("caught", err.message, origin);
  });
  queueMicrotask([] { throw Error("micro boom"); });
  queueMicrotask([] { console::log("next microtask runs"); });
  Promise<>::resolved().then([] { console::log("promise reaction runs"); });
}
