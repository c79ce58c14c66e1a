// Seed process.nextTick use case 1 — interleaving CPU-heavy work with events.
//
//   function compute() {
//     // 递归计算，仅在事件循环空闲的时候执行
//     process.nextTick(compute);
//   }
//   http.createServer((req, res) => res.end("hello")).listen(3000);
//   compute();
//
// As written, compute() never ends and a nextTick chain starves the loop: the server
// would never answer. This program shows both sides and exits by itself: a computation
// chunked with process.nextTick finishes before any other event runs, while one chunked
// with setImmediate lets a pending "request" (an immediate standing in for the HTTP
// request) run between its chunks.
#include <nodecc/nodecc.h>

using namespace nodecc;

namespace {
int tickChunks = 0;
int immediateChunks = 0;

void computeWithNextTick() {
  ++tickChunks;  // one slice of the computation
  if (tickChunks < 5)
    process::nextTick(computeWithNextTick);
  else
    console::log("nextTick computation done after", tickChunks, "chunks");
}

void computeWithImmediate() {
  ++immediateChunks;
  console::log("setImmediate chunk", immediateChunks);
  if (immediateChunks < 3) setImmediate(computeWithImmediate);
}
}  // namespace

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    setImmediate([] {
      console::log("request handled; nextTick chunks done:", tickChunks);
      computeWithImmediate();
      setImmediate(
          [] { console::log("request handled between chunks; chunks done:", immediateChunks); });
    });
    computeWithNextTick();
  });
}
