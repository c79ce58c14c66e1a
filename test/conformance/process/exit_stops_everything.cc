// Port of exit_stops_everything.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(exit_stops_everything) {
  process::on("beforeExit", [] { console::log("beforeExit (should not run)"); });
  process::on("exit", [](int code) {
    console::log("exit", code);
    process::nextTick([] { console::log("tick in exit (should not run)"); });
    setTimeout([] { console::log("timer in exit (should not run)"); }, 0);
  });
  setTimeout([] { console::log("timer (should not run)"); }, 50);
  setImmediate([] {
    console::log("immediate runs");
    process::nextTick([] { console::log("tick (should not run)"); });
    Promise<>::resolved().then([] { console::log("microtask (should not run)"); });
    process::exit(0);
    console::log("after exit (should not run)");
  });
}
