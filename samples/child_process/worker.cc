// Seed, 多进程 › 负载均衡: worker.js, forked by master.cc; answers each connection it is
// handed with a fixed HTTP response.
//
//   process.on('message', function (m, handle) { start(handle); });
//   var buf = 'hello Node.js';
//   var res = ['HTTP/1.1 200 OK', 'content-length:' + buf.length].join('\r\n') + '\r\n\r\n' + buf;
//   function start(handle) {
//     console.log('got a connection on worker, pid = %d', process.pid);
//     var socket = new net.Socket({ handle: handle });
//     socket.readable = socket.writable = true;
//     socket.end(res);
//   }
//
// The handle arrives already wrapped in a net::Socket.
#include <nodecc/child_process.h>
#include <nodecc/net.h>
#include <nodecc/nodecc.h>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    std::string buf = "hello Node.js";
    std::string res =
        "HTTP/1.1 200 OK\r\ncontent-length:" + std::to_string(buf.size()) + "\r\n\r\n" + buf;
    auto start = [res](net::SocketPtr socket) {
      console::log("got a connection on worker, pid = %d", process::pid());
      socket->end(res);
    };
    process::on("message", [start](const Value&, child_process::SendHandle handle) {
      start(handle.socket());
    });
  });
}
