// Port of immediate_queue_throw.js.
#include "conformance.h"

using namespace nodecc;

namespace {
bool threw = false;
int stage = -1;
constexpr int QUEUE = 10;
int runs = 0;
bool ordered = true;

void runImmediate(int callStage) {
  runs++;
  if (callStage < stage) ordered = false;
  stage = callStage;
  if (threw) return;
  setImmediate(runImmediate, 2);
}
}  // namespace

NODECC_CONFORMANCE_CASE(immediate_queue_throw) {
  process::once("uncaughtException", [](const Error& err, const std::string& origin) {
    console::log("uncaughtException", err.message, origin, "stage", stage);
  });
  for (int i = 0; i < QUEUE; i++) setImmediate(runImmediate, 0);
  setImmediate([] {
    threw = true;
    process::nextTick([] { console::log("tick after the throw sees stage", stage); });
    throw Error("setImmediate Err");
  });
  for (int i = 0; i < QUEUE; i++) setImmediate(runImmediate, 1);
  process::on("exit", [] { console::log("runs", runs, "ordered", ordered, "final stage", stage); });
}
