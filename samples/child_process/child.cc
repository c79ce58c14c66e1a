// Seed, 多进程 › child_process › fork: child.js, run by fork.cc (and by spawn.cc).
//
//   process.on("message", m => { console.log("接收到来自主进程的信息：", m); })
//   process.send({ foo: 'bar' });
//
// Started without an IPC channel (spawn.cc), it writes to stdout and stderr instead.
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    if (!process::channel()) {
      console::log("child: started without an IPC channel, args", process::argv().size() - 2);
      console::error("child: a line on stderr");
      return;
    }
    process::on("message", [](const Value& m) { console::log("接收到来自主进程的信息：", m); });
    process::send(Object{{"foo", "bar"}});
  });
}
