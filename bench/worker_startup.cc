// Starting a worker and terminating it: from Worker creation to 'exit', one at a time,
// the worker waiting on its parentPort (twin: node/worker_startup.js).
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include "bench.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
std::int64_t n = 0;
std::int64_t done = 0;
std::uint64_t start = 0;

void script();

void startOne() {
  auto w = Worker::create(script);
  w->on("online", [w = w.get()] { w->terminate(); });
  w->on("exit", [](int) {
    if (++done == n) {
      double ms = static_cast<double>(process::hrtime.bigint() - start) / 1e6;
      bench::report("worker_start_terminate", "ms", ms / static_cast<double>(n));
      return;
    }
    startOne();
  });
}

void script() {
  if (!isMainThread()) {
    parentPort()->on("message", [](const Value&) {});
    return;
  }
  n = bench::count(100, 5);
  start = process::hrtime.bigint();
  startOne();
}
}  // namespace

int main(int argc, char** argv) { return nodecc::main(argc, argv, script); }
