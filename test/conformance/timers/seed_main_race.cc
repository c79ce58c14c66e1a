// Port of seed_main_race.js.
#include <algorithm>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> ran;
}

NODECC_CONFORMANCE_CASE(seed_main_race) {
  setImmediate([] { ran.push_back("setImmediate"); });
  setTimeout([] { ran.push_back("setTimeout"); }, 0);
  process::on("exit", [] {
    std::sort(ran.begin(), ran.end());
    std::string s;
    for (const auto& r : ran) s += (s.empty() ? "" : " ") + r;
    console::log(s);
  });
}
