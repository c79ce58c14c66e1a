// Seed 事件循环 — process.nextTick runs between phases (after every callback).
//
//   fs.readFile(..., () => {
//     setTimeout(() => console.log("setTimeout"), 0);
//     setImmediate(() => {
//       console.log("setImmediate");
//       process.nextTick(() => console.log("nextTick1"));
//     });
//     process.nextTick(() => console.log("nextTick2"));
//     process.nextTick(() => console.log("nextTick3"));
//   });
//
// Prints nextTick2, nextTick3 (after the read callback), setImmediate (check), nextTick1
// (after the immediate), setTimeout (timers, next iteration).
#include <nodecc/fs.h>
#include <nodecc/nodecc.h>
#include <nodecc/path.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    fs::readFile(path::resolve(path::dirname(process::execPath()), "/some.txt"), [] {
      setTimeout([] { console::log("setTimeout"); }, 0);
      setImmediate([] {
        console::log("setImmediate");
        process::nextTick([] { console::log("nextTick1"); });
      });
      process::nextTick([] { console::log("nextTick2"); });
      process::nextTick([] { console::log("nextTick3"); });
    });
  });
}
