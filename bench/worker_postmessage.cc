// postMessage round trips between the main thread and a worker: the main thread posts
// a small object, the worker posts it back, the main thread posts the next one when the
// reply arrives (twin: node/worker_postmessage.js).
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include "bench.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

void script() {
  if (!isMainThread()) {
    parentPort()->on("message", [](const Value& m) { parentPort()->postMessage(m); });
    return;
  }
  const std::int64_t n = bench::count(200'000, 2'000);
  const std::int64_t warmup = n / 10;
  auto w = Worker::create(script);
  static std::int64_t count = 0;
  static std::uint64_t start = 0;
  w->on("message", [n, warmup, w = w.get()](const Value& m) {
    ++count;
    if (count == warmup) start = process::hrtime.bigint();
    if (count == warmup + n) {
      double s = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
      bench::report("worker_postmessage_roundtrip", "roundtrips/s", static_cast<double>(n) / s,
                    true);
      w->terminate();
      return;
    }
    w->postMessage(Object{{"seq", count}, {"payload", m["payload"]}});
  });
  w->postMessage(Object{{"seq", 0}, {"payload", "hello"}});
}

int main(int argc, char** argv) { return nodecc::main(argc, argv, script); }
