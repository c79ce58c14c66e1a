// Port of next_tick_ordering2.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> order;
}

NODECC_CONFORMANCE_CASE(next_tick_ordering2) {
  process::nextTick([] {
    setTimeout([] { order.push_back("setTimeout"); }, 0);
    process::nextTick([] { order.push_back("nextTick"); });
  });
  process::on("exit", [] {
    std::string s;
    for (const auto& o : order) s += (s.empty() ? "" : ",") + o;
    console::log(s);
  });
}
