// Port of unhandled_rejection.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(unhandled_rejection) {
  process::on("exit", [](int code) { console::log("exit", code); });
  setTimeout([] { console::log("never runs"); }, 10);
  Promise<>::rejected(Error("rejected and unhandled"));
  console::log("script end");
}
