// bench/bench.h — what every benchmark program shares (not installed, not a Node API).
//
// A benchmark is `bench/<name>.cc` plus its Node twin `bench/node/<name>.js`; both take
// `--quick` (a tiny count, for CI) and print `BENCHDATA name=… unit=… value=… better=…`
// lines, which `bench/run` collects (see the top of bench/run).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "nodecc/process.h"

namespace bench {

/// True when the program was started with `--quick` (the JS twins test
/// `process.argv.includes('--quick')`).
inline bool quick() {
  const auto& argv = nodecc::process::argv();
  return std::find(argv.begin(), argv.end(), "--quick") != argv.end();
}

/// `full`, or `small` under --quick.
inline std::int64_t count(std::int64_t full, std::int64_t small = 1000) {
  return quick() ? small : full;
}

/// Prints one `BENCHDATA` line (the JS twins print the same line with `toFixed(3)`).
inline void report(std::string_view metric, std::string_view unit, double value,
                   bool higherIsBetter = false) {
  std::printf("BENCHDATA name=%.*s unit=%.*s value=%.3f better=%s\n",
              static_cast<int>(metric.size()), metric.data(), static_cast<int>(unit.size()),
              unit.data(), value, higherIsBetter ? "higher" : "lower");
  std::fflush(stdout);
}

/// Reports the time since `startNs` (a `process::hrtime.bigint()` reading) for `n`
/// operations as milliseconds per million operations (unit `ms/1M`).
inline void reportPerMillion(std::string_view metric, std::uint64_t startNs, std::int64_t n) {
  double ns = static_cast<double>(nodecc::process::hrtime.bigint() - startNs);
  report(metric, "ms/1M", ns / static_cast<double>(n));  // ns per op == ms per million
}

}  // namespace bench
