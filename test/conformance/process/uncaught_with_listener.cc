// Port of uncaught_with_listener.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(uncaught_with_listener) {
  process::on("uncaughtExceptionMonitor", [](const Error& err, const std::string& origin) {
    console::log("monitor", err.message, origin);
  });
  process::on("uncaughtException", [](const Error& err, const std::string& origin) {
    console::log("caught", err.message, origin);
  });
  setImmediate([] {
    setTimeout(
        [] {
          console::log("timer still runs");
          throw Error("from timer");
        },
        1);
    throw Error("from immediate");
  });
  process::nextTick([] { throw Error("from tick"); });
  process::on("exit", [](int code) { console::log("exit", code); });
  throw Error("from main");
}
