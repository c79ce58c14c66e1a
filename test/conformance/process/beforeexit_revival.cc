// Port of beforeexit_revival.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int count = 0;
}

NODECC_CONFORMANCE_CASE(beforeexit_revival) {
  process::exitCode = 3;
  process::on("beforeExit", [](int code) {
    count++;
    console::log("beforeExit", count, "code", code);
    if (count < 3) {
      setTimeout([] { console::log("revived by timer", count); }, 1);
    } else if (count == 3) {
      Promise<>::resolved().then(
          [] { console::log("microtask in beforeExit does not revive the loop"); });
      process::nextTick([] { console::log("tick in beforeExit"); });
    }
  });
  process::on("exit",
              [](int code) { console::log("exit", code, "after", count, "beforeExit events"); });
}
