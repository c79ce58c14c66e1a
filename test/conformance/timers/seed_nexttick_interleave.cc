// Port of seed_nexttick_interleave.js.
#include <nodecc/fs.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(seed_nexttick_interleave) {
  fs::readFile("seed_nexttick_interleave.js", [] {
    setTimeout([] { console::log("setTimeout"); }, 0);
    setImmediate([] {
      console::log("setImmediate");
      process::nextTick([] { console::log("nextTick1"); });
    });
    process::nextTick([] { console::log("nextTick2"); });
    process::nextTick([] { console::log("nextTick3"); });
  });
}
