// Port of setimmediate_infinite_loop.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<int> ran;
ImmediatePtr i2, i3;
}  // namespace

NODECC_CONFORMANCE_CASE(setimmediate_infinite_loop) {
  setImmediate([] {
    ran.push_back(1);
    clearImmediate(i2);
    clearImmediate(i3);
  });
  i2 = setImmediate([] { ran.push_back(2); });
  i3 = setImmediate([] { ran.push_back(3); });
  setImmediate([] { ran.push_back(4); });
  process::on("exit", [] {
    std::string s;
    for (int r : ran) s += (s.empty() ? "" : ",") + std::to_string(r);
    console::log("ran", s);
  });
}
