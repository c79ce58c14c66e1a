// Seed 事件循环 — setTimeout(0) vs setImmediate from the main module.
//
//   setImmediate(function() { console.log("setImmediate"); });
//   setTimeout(function() { console.log("setTimeout"); }, 0);
//
// setTimeout(0) is setTimeout(1). If the loop reaches the timers phase before 1 ms has
// passed, the check phase runs setImmediate first; otherwise the timer comes first. The
// order changes from run to run, exactly as in Node.
#include <nodecc/nodecc.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    setImmediate([] { console::log("setImmediate"); });
    setTimeout([] { console::log("setTimeout"); }, 0);
  });
}
