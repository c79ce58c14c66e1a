// Port of exit_inside_exit.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int exits = 0;
}

NODECC_CONFORMANCE_CASE(exit_inside_exit) {
  process::on("exit", [](int code) {
    exits++;
    console::log("exit listener", exits, "code", code);
    process::exit(5);
  });
  process::on("exit", [] { console::log("second listener does not run after process.exit()"); });
  setTimeout([] { console::log("never runs"); }, 10);
  process::exit(2);
}
