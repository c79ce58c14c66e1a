// Port of worker_shared_memory.js (Int32Array elements over Buffer::allocShared).
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;
using I32 = std::int32_t;

namespace {
constexpr int N = 10000;
}

NODECC_CONFORMANCE_CASE(worker_shared_memory) {
  if (!isMainThread()) {
    const Buffer& ia = workerData().asBuffer();
    for (int i = 0; i < N; i++) Atomics::add<I32>(ia, 0, 1);
    if (Atomics::add<I32>(ia, 1, 1) == 1) Atomics::notify(ia, 2);  // the second one to finish
    Atomics::store<I32>(ia, 2, 1);
    Atomics::notify(ia, 2);
  } else {
    Buffer sab = Buffer::allocShared(3 * 4);
    const Buffer& ia = sab;
    console::log("isLockFree(4)", Atomics::isLockFree(4));
    auto exited = std::make_shared<int>(0);
    for (int w = 0; w < 2; w++) {
      Worker::create(nodecc_case_worker_shared_memory, {.workerData = sab})
          ->on("exit", [exited, sab](int) {
            if (++*exited == 2) {
              console::log("exit codes 0; total", Atomics::load<I32>(sab, 0), "finished",
                           Atomics::load<I32>(sab, 1));
            }
          });
    }
    for (int i = 0; i < N; i++) Atomics::add<I32>(ia, 0, 1);
    std::string_view r = Atomics::wait(ia, 2, 0, 10000);
    console::log("waited for a worker:", r == "ok" || r == "not-equal", "flag",
                 Atomics::load<I32>(ia, 2));
    console::log("wait on a changed value:", Atomics::wait(ia, 2, 0, 0));
    console::log("wait that times out:", Atomics::wait(Buffer::allocShared(4), 0, 0, 5));
    // JS evaluates arguments left to right; C++ leaves the order unspecified (GCC goes
    // right to left), so the calls are sequenced into locals first.
    I32 cmpx = Atomics::compareExchange<I32>(ia, 2, 1, 7);
    console::log("compareExchange", cmpx, Atomics::load<I32>(ia, 2));
    I32 xchg = Atomics::exchange<I32>(ia, 2, 1);
    I32 andOld = Atomics::and_<I32>(ia, 2, 3);
    I32 orOld = Atomics::or_<I32>(ia, 2, 4);
    I32 xorOld = Atomics::xor_<I32>(ia, 2, 1);
    console::log("exchange", xchg, "and/or/xor", andOld, orOld, xorOld, Atomics::load<I32>(ia, 2));
    try {
      Atomics::load<I32>(ia, 3);
    } catch (const Error& e) {
      console::log(e.name, e.message);
    }
  }
}
