// Port of seed_nexttick_compute.js.
#include "conformance.h"

using namespace nodecc;

namespace {
int ticks = 0;
int chunks = 0;
void computeWithNextTick() {
  ticks++;
  if (ticks < 5)
    process::nextTick(computeWithNextTick);
  else
    console::log("nextTick compute finished after", ticks, "chunks");
}
void computeWithImmediate() {
  chunks++;
  console::log("immediate chunk", chunks);
  if (chunks < 3) setImmediate(computeWithImmediate);
}
}  // namespace

NODECC_CONFORMANCE_CASE(seed_nexttick_compute) {
  setImmediate([] {
    console::log("request handled; nextTick chunks done:", ticks);
    computeWithImmediate();
    setImmediate([] { console::log("request handled between chunks; chunks done:", chunks); });
  });
  computeWithNextTick();
  console::log("main script done; chunks so far:", ticks);
}
