// Port of uncaught_error_with_code.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(uncaught_error_with_code) {
  Error err("value out of range");
  err.name = "RangeError";
  err.code = "ERR_SOMETHING";
  process::on("exit", [](int code) { console::log("exit", code); });
  throw err;
}
