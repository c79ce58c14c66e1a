// Port of timer_close.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(timer_close) {
  auto t = setTimeout([] { console::log("closed timer ran (should not)"); }, 10);
  console::log("close returns the timer", &t->close() == t.get());
  auto longTimer = setTimeout([] { console::log("long ran (should not)"); }, 100000);
  clearTimeout(longTimer);
  setTimeout([] { console::log("other timer ran"); }, 1);
  process::on("exit", [] { console::log("exit"); });
}
