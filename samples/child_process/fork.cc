// Seed, 多进程 › child_process › fork: the parent forks child.cc and they exchange messages.
//
//   let child = child_process.fork(path.resolve(__dirname, './child.js'));
//   child.on("message", function (m) { console.log("主进程接收到信息：", m); })
//   child.send({ hello: 'world' });
//
// fork() runs a program: here the `child` sample built next to this one.
#include <nodecc/child_process.h>
#include <nodecc/nodecc.h>
#include <nodecc/path.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto child = child_process::fork(path::resolve(path::dirname(process::execPath()), "./child"));
    child->on("message", [child](const Value& m) {
      console::log("主进程接收到信息：", m);
      // Not in the seed: the seed's child keeps listening forever; end the exchange here
      // so that both processes exit.
      child->disconnect();
    });
    child->send(Object{{"hello", "world"}});
  });
}
