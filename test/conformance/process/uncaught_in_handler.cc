// Port of uncaught_in_handler.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(uncaught_in_handler) {
  process::on("uncaughtException", [] {
    console::log("handler runs, then throws");
    throw Error("handler failed");
  });
  process::on("exit", [](int code) { console::log("exit", code); });
  setTimeout([] { throw Error("first"); }, 1);
}
