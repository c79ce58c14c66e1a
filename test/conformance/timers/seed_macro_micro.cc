// Port of seed_macro_micro.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(seed_macro_micro) {
  console::log("script start");
  setTimeout(
      [] {
        console::log("timeout 1");
        process::nextTick([] { console::log("timeout 1 -> nextTick"); });
        Promise<>::resolved().then([] { console::log("timeout 1 -> promise"); });
      },
      0);
  setTimeout(
      [] {
        console::log("timeout 2");
        Promise<>::resolved().then([] { console::log("timeout 2 -> promise"); });
      },
      0);
  Promise<>::resolved()
      .then([] {
        console::log("promise 1");
        process::nextTick([] { console::log("promise 1 -> nextTick"); });
      })
      .then([] { console::log("promise 2"); });
  queueMicrotask([] { console::log("queueMicrotask"); });
  process::nextTick([] {
    console::log("nextTick 1");
    Promise<>::resolved().then([] { console::log("nextTick 1 -> promise"); });
    process::nextTick([] { console::log("nextTick 1 -> nextTick"); });
  });
  process::nextTick([] { console::log("nextTick 2"); });
  console::log("script end");
}
