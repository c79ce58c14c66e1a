// Port of immediate_queue.js.
#include "conformance.h"

using namespace nodecc;

namespace {
bool ticked = false;
int hit = 0;
constexpr int QUEUE = 1000;
int first = 0;
int second = 0;
bool secondWaited = true;

void runImmediate() {
  if (hit == 0) process::nextTick([] { ticked = true; });
  if (ticked) return;
  hit += 1;
  setImmediate(runImmediate);
}
}  // namespace

NODECC_CONFORMANCE_CASE(immediate_queue) {
  for (int i = 0; i < QUEUE; i++) setImmediate(runImmediate);
  for (int i = 0; i < QUEUE; i++) {
    setImmediate([] {
      first++;
      setImmediate([] {
        if (first != QUEUE) secondWaited = false;
        second++;
      });
    });
  }
  process::on("exit", [] {
    console::log("hit", hit);
    console::log("first wave", first, "second wave", second, "second waited for the first",
                 secondWaited);
  });
}
