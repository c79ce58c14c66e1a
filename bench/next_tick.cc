// 1,000,000 process.nextTick callbacks queued in one batch (twin: node/next_tick.js).
#include <nodecc/nodecc.h>

#include "bench.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t n = bench::count(1'000'000);
    static std::int64_t count = 0;
    const std::uint64_t start = process::hrtime.bigint();
    auto f = [n, start] {
      if (++count == n) bench::reportPerMillion("nextTick", start, n);
    };
    for (std::int64_t i = 0; i < n; ++i) process::nextTick(f);
  });
}
