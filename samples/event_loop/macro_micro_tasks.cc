// Seed 事件循环 — macro tasks and micro tasks.
//
// Macro tasks: the script itself, setTimeout/setInterval, setImmediate, I/O.
// Micro tasks: process.nextTick, Promise reactions, queueMicrotask.
// After each macro task every nextTick runs, then every microtask, then the loop
// moves on to the next macro task.
#include <nodecc/nodecc.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    console::log("script start");
    setTimeout(
        [] {
          console::log("timeout 1");
          process::nextTick([] { console::log("timeout 1 -> nextTick"); });
          Promise<>::resolved().then([] { console::log("timeout 1 -> promise"); });
        },
        0);
    setTimeout(
        [] {
          console::log("timeout 2");
          Promise<>::resolved().then([] { console::log("timeout 2 -> promise"); });
        },
        0);
    Promise<>::resolved()
        .then([] {
          console::log("promise 1");
          process::nextTick([] { console::log("promise 1 -> nextTick"); });
        })
        .then([] { console::log("promise 2"); });
    queueMicrotask([] { console::log("queueMicrotask"); });
    process::nextTick([] {
      console::log("nextTick 1");
      Promise<>::resolved().then([] { console::log("nextTick 1 -> promise"); });
      process::nextTick([] { console::log("nextTick 1 -> nextTick"); });
    });
    process::nextTick([] { console::log("nextTick 2"); });
    console::log("script end");
  });
}
