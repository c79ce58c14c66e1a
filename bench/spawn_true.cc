// Sequential process creation: spawn('/bin/true') and wait for 'close', N times; reports
// spawns per second. Twin: node/spawn_true.js.
#include "bench.h"
#include "nodecc/child_process.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t n = bench::count(2000, 20);
    auto i = std::make_shared<std::int64_t>(0);
    auto start = process::hrtime.bigint();
    auto next = std::make_shared<std::function<void()>>();
    *next = [=] {
      if ((*i)++ == n) {
        double secs = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
        bench::report("spawn_true", "spawns/s", static_cast<double>(n) / secs, true);
        *next = nullptr;
        return;
      }
      child_process::spawn("/bin/true")->on("close", [next] { (*next)(); });
    };
    (*next)();
  });
}
