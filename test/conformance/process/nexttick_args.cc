// Port of nexttick_args.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(nexttick_args) {
  process::nextTick([](int a, const std::string& b) { console::log("tick", a, b); }, 1,
                    std::string("two"));
  Promise<>::resolved().then([] { console::log("microtask"); });
  process::nextTick([] { console::log("second tick"); });
  console::log("sync");
}
