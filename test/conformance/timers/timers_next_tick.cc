// Port of timers_next_tick.js.
#include <chrono>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> ran;
TimeoutPtr t2, t3;
ImmediatePtr i2, i3;
std::string joinPrefixed(char c) {
  std::string s;
  for (const auto& r : ran)
    if (r[0] == c) s += (s.empty() ? "" : " ") + r;
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(timers_next_tick) {
  setTimeout(
      [] {
        ran.push_back("t1");
        process::nextTick([] {
          clearTimeout(t2);
          clearTimeout(t3);
        });
      },
      1);
  t2 = setTimeout([] { ran.push_back("t2"); }, 1);
  t3 = setTimeout([] { ran.push_back("t3"); }, 1);
  setTimeout([] { ran.push_back("t4"); }, 1);

  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(5)) {
  }

  setImmediate([] {
    ran.push_back("i1");
    process::nextTick([] {
      clearImmediate(i2);
      clearImmediate(i3);
    });
  });
  i2 = setImmediate([] { ran.push_back("i2"); });
  i3 = setImmediate([] { ran.push_back("i3"); });
  setImmediate([] { ran.push_back("i4"); });

  process::on("exit", [] { console::log(joinPrefixed('t'), "|", joinPrefixed('i')); });
}
