// 1 MiB Buffers moved (transferList, no copy) back and forth between the main thread and
// a worker; each hop is one transfer (twin: node/worker_transfer.js).
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include "bench.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

void script() {
  if (!isMainThread()) {
    parentPort()->on("message", [](const Value& m) {
      const Buffer& b = m.asBuffer();
      parentPort()->postMessage(b, {b});
    });
    return;
  }
  const std::int64_t n = bench::count(20'000, 200);
  auto w = Worker::create(script);
  static std::int64_t count = 0;
  static std::uint64_t start = 0;
  w->on("message", [n, w = w.get()](const Value& m) {
    const Buffer& b = m.asBuffer();
    if (++count == n) {
      double s = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
      // Every round trip moved the buffer twice.
      bench::report("worker_transfer_1mib", "transfers/s", 2.0 * static_cast<double>(n) / s, true);
      w->terminate();
      return;
    }
    w->postMessage(b, {b});
  });
  Buffer first = Buffer::alloc(1 << 20);
  start = process::hrtime.bigint();
  w->postMessage(first, {first});
}

int main(int argc, char** argv) { return nodecc::main(argc, argv, script); }
