// Port of timers_ordering.js.
#include "conformance.h"

using namespace nodecc;

namespace {
constexpr int N = 30;
int lastI = 0;
std::int64_t lastTs = 0;
bool ordered = true;
bool spaced = true;
std::int64_t now() { return static_cast<std::int64_t>(process::hrtime.bigint() / 1000000); }

void f(int i) {
  if (i <= N) {
    if (i != lastI + 1) ordered = false;
    lastI = i;
    std::int64_t ts = now();
    if (ts < lastTs + 1) spaced = false;
    lastTs = ts;
    setTimeout(f, 1, i + 1);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(timers_ordering) {
  f(1);
  process::on("exit",
              [] { console::log("fired", lastI, "ordered", ordered, "spaced >= 1 ms", spaced); });
}
