// Port of timers_unref.js.
#include "conformance.h"

using namespace nodecc;

namespace {
bool intervalFired = false, timeoutFired = false, unrefInterval = false, unrefTimer = false;
int unrefCallbacks = 0;
int checks = 0;
constexpr double LONG_TIME = 10 * 1000;
constexpr double SHORT_TIME = 100;
TimeoutPtr interval, checkUnref, selfUnref, selfUnrefInterval;
}  // namespace

NODECC_CONFORMANCE_CASE(timers_unref) {
  auto t0 = setTimeout([] {}, 10);
  bool chained = &t0->unref().ref().unref() == t0.get();  // (C++ argument order is unspecified)
  console::log("chainable", chained, "hasRef", t0->hasRef());
  auto i0 = setInterval([] {}, 10);
  chained = &i0->unref().ref().unref() == i0.get();
  console::log("chainable", chained, "hasRef", i0->hasRef());

  setInterval([] { intervalFired = true; }, LONG_TIME)->unref();
  setTimeout([] { timeoutFired = true; }, LONG_TIME)->unref();

  interval = setInterval(
      [] {
        unrefInterval = true;
        clearInterval(interval);
      },
      SHORT_TIME);
  interval->unref();

  setTimeout([] { unrefTimer = true; }, SHORT_TIME)->unref();

  checkUnref = setInterval(
      [] {
        if (checks > 5 || (unrefInterval && unrefTimer)) clearInterval(checkUnref);
        checks += 1;
      },
      100);

  selfUnref = setTimeout(
      [] {
        unrefCallbacks++;
        selfUnref->unref();
      },
      SHORT_TIME);

  selfUnrefInterval = setInterval([] { selfUnrefInterval->unref(); }, SHORT_TIME);

  {
    auto t = setInterval([] {}, 1);
    process::nextTick([t] { t->unref(); });
  }

  process::on("exit", [] {
    console::log("interval fired", intervalFired, "timeout fired", timeoutFired);
    console::log("unref timer fired", unrefTimer, "unref interval fired", unrefInterval);
    console::log("self-unref callbacks", unrefCallbacks);
  });
}
