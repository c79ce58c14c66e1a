// 1,000,000 emits of one event with one argument to 3 listeners (twin: node/emit.js).
#include <nodecc/nodecc.h>

#include <stdexcept>

#include "bench.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t n = bench::count(1'000'000);
    auto ee = std::make_shared<EventEmitter>();
    static std::int64_t a = 0, b = 0, c = 0;
    ee->on("event", [](std::int64_t x) { a += x; });
    ee->on("event", [](std::int64_t x) { b ^= x; });
    ee->on("event", [](std::int64_t) { ++c; });
    const std::uint64_t start = process::hrtime.bigint();
    for (std::int64_t i = 0; i < n; ++i) ee->emit("event", i);
    bench::reportPerMillion("emit3", start, n);
    if (c != n) throw std::logic_error("emit: a listener missed calls");
  });
}
