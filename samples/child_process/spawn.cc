// Seed, 多进程 › child_process › spawn: stream a child's stdout and stderr.
//
//   let child = spawn("node", ['./child.js']);
//   child.stdout.on("data", data => { console.log("data", data.toString('utf8')); })
//   child.stderr.on("data", err => { console.log("err", err); })
//
// The child here is the `child` sample built next to this one (started without an IPC
// channel it writes one line to stdout and one to stderr).
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>
#include <nodecc/path.h>

using namespace nodecc;
using child_process::spawn;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    // Only event listeners (no callback API).
    auto child = spawn(path::resolve(path::dirname(process::execPath()), "./child"), {"spawned"});
    child->stdout()->on("data", [](const Buffer& data) {
      // A Buffer.
      console::log("data", data.toString("utf8"));
    });
    child->stderr()->on("data", [](const Buffer& err) { console::log("err", err); });
  });
}
