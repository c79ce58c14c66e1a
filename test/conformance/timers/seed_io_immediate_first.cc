// Port of seed_io_immediate_first.js.
#include <nodecc/fs.h>

#include "conformance.h"

using namespace nodecc;

namespace {
void readRound(int i) {
  fs::readFile("seed_io_immediate_first.js", [i] {
    setTimeout(
        [i] {
          console::log("setTimeout", i);
          if (i < 2) readRound(i + 1);
        },
        0);
    setImmediate([i] { console::log("setImmediate", i); });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(seed_io_immediate_first) { readRound(0); }
