// Seed 事件循环 — inside an I/O callback setImmediate always comes first.
//
//   fs.readFile(path.resolve(__dirname, '/some.txt'), () => {
//     setImmediate(function() { console.log("setImmediate"); });
//     setTimeout(function() { console.log("setTimeout"); }, 0);
//   });
//
// The read callback runs in the poll phase; the next phase is check (setImmediate), and
// the timers phase only comes in the next iteration.
#include <nodecc/fs.h>
#include <nodecc/nodecc.h>
#include <nodecc/path.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    // The seed's '/some.txt' need not exist: the callback runs either way (with an error).
    fs::readFile(path::resolve(path::dirname(process::execPath()), "/some.txt"), [] {
      setImmediate([] { console::log("setImmediate"); });
      setTimeout([] { console::log("setTimeout"); }, 0);
    });
  });
}
