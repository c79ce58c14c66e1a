// Port of unref_timers.js.
#include "conformance.h"

using namespace nodecc;

namespace {
bool immediateRan = false;
}

NODECC_CONFORMANCE_CASE(unref_timers) {
  auto t = setTimeout([] { console::log("unref timeout ran (should not)"); }, 5000);
  t->unref();
  console::log("timeout hasRef after unref", t->hasRef());
  auto iv = setInterval([] { console::log("unref interval ran (should not)"); }, 5000);
  iv->unref();
  auto im = setImmediate([] { immediateRan = true; });
  im->unref();
  console::log("immediate hasRef after unref", im->hasRef());
  // An unref'd timer still fires while a ref'd one keeps the loop running. (Made before the
  // 5 ms timer: made after it, Node itself printed the two in either order under load.)
  setTimeout([] { console::log("unref 1 ms timer ran while the loop was alive"); }, 1)->unref();
  auto t2 = setTimeout([] { console::log("re-ref timeout ran"); }, 5);
  t2->unref();
  t2->ref();
  console::log("timeout hasRef after ref", t2->hasRef());
  setTimeout([] { console::log("ref 20 ms timer ran"); }, 20);
  process::on("exit", [] {
    console::log("exit; the unref immediate ran because the loop was alive:", immediateRan);
  });
}
