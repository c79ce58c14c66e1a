// 1,000,000 reactions (`p.then(f)`) on one resolved promise, attached in one batch
// (twin: node/promise_then.js). Each then() also makes its derived promise, as in JS.
#include <nodecc/nodecc.h>

#include "bench.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t n = bench::count(1'000'000);
    static std::int64_t count = 0;
    const std::uint64_t start = process::hrtime.bigint();
    auto f = [n, start] {
      if (++count == n) bench::reportPerMillion("promiseThen", start, n);
    };
    auto p = Promise<void>::resolved();
    for (std::int64_t i = 0; i < n; ++i) p.then(f);
  });
}
