// Port of unrefed_in_beforeexit.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int once = 0;
}

NODECC_CONFORMANCE_CASE(unrefed_in_beforeexit) {
  process::on("beforeExit", [] {
    setTimeout([] { console::log("unref timer ran (should not)"); }, 1)->unref();
    once++;
  });
  process::on("exit", [](int code) { console::log("exit", code, "beforeExit count", once); });
}
