// Port of exit_code.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(exit_code) {
  process::exitCode = 4;
  process::on("exit", [](int code) {
    console::log("exit with", code, "exitCode", process::exitCode.valueOr(0));
    process::exitCode = 9;
  });
  setTimeout([] { console::log("timer ran"); }, 1);
}
