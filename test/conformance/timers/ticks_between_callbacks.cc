// Port of ticks_between_callbacks.js.
#include <chrono>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> order;
std::string joinPrefixed(char c) {
  std::string s;
  for (const auto& o : order)
    if (o[0] == c) s += (s.empty() ? "" : ", ") + o;
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(ticks_between_callbacks) {
  auto start = std::chrono::steady_clock::now();
  for (std::string name : {"t1", "t2"}) {
    setTimeout(
        [name] {
          order.push_back(name);
          process::nextTick([name] { order.push_back(name + " tick"); });
          Promise<>::resolved().then([name] { order.push_back(name + " promise"); });
        },
        1);
  }
  for (std::string name : {"i1", "i2"}) {
    setImmediate([name] {
      order.push_back(name);
      Promise<>::resolved().then([name] { order.push_back(name + " promise"); });
      process::nextTick([name] { order.push_back(name + " tick"); });
    });
  }
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(5)) {
  }
  process::on("exit", [] {
    console::log(joinPrefixed('t'));
    console::log(joinPrefixed('i'));
  });
}
