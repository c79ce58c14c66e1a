// Port of non_finite_delays.js.
#include <cmath>
#include <limits>

#include "conformance.h"

using namespace nodecc;

namespace {
std::vector<std::string> fired;
}

NODECC_CONFORMANCE_CASE(non_finite_delays) {
  process::on("warning", [](const Error& w) {
    console::log("warning", w.name, w.message.substr(0, w.message.find('\n')));
  });
  const double inf = std::numeric_limits<double>::infinity();
  const double delays[] = {std::nan(""),    inf, -inf, -5, 0, 0.5, 1, std::pow(2, 31) - 1,
                           std::pow(2, 31), 1e12};
  for (double d : delays) {
    auto t = setTimeout([d] { fired.push_back(numberToString(d)); }, d);
    if (d == std::pow(2, 31) - 1) t->unref();
  }
  setTimeout(
      [] {
        std::string s;
        for (const auto& f : fired) s += (s.empty() ? "" : ", ") + f;
        console::log("fired within 100 ms:", s);
      },
      100);
}
