#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::SendHandle;

NODECC_CONFORMANCE_CASE(pass_fd) {
  const int N = 80;
  if (!(process::argv().size() > 2 && process::argv()[2] == "child")) {
    auto ended = std::make_shared<int>(0), exited = std::make_shared<int>(0);
    for (int i = 0; i < N; ++i) {
      auto worker = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
      std::weak_ptr<child_process::ChildProcess> weak = worker;
      worker->once("message", [weak, ended, N](const Value& msg, SendHandle handle) {
        auto worker = weak.lock();
        if (msg != Value("handle") || !handle) throw Error("bad message " + msg.toString());
        worker->send("got");
        auto recvData = std::make_shared<std::string>();
        net::SocketPtr socket = handle.socket();
        socket->on("data", [recvData](const Buffer& data) { *recvData += data.toString(); });
        socket->on("end", [weak, recvData, ended, N] {
          if (*recvData != "hello") throw Error("bad data " + *recvData);
          if (++*ended == N) console::log("parent: read hello from", N, "passed sockets");
          if (auto w = weak.lock()) w->kill();
        });
      });
      worker->on("exit", [exited, N](std::optional<int> code, std::optional<std::string> signal) {
        if (signal != "SIGTERM" && code != 0) throw Error("bad exit");
        if (++*exited == N) console::log("parent: all", N, "children exited");
      });
    }
    return;
  }
  auto socket = std::make_shared<net::SocketPtr>();
  auto cbcalls = std::make_shared<int>(0);
  auto socketConnected = [socket, cbcalls] {
    if (++*cbcalls == 2) process::send("handle", *socket);
  };
  // Listening for 'message' refs the channel: the child lives as long as its parent.
  process::on("message", [](const Value&) {});
  auto server = net::createServer([socketConnected](net::SocketPtr c) {
    process::once("message", [c](const Value& msg) {
      if (msg != Value("got")) throw Error("bad " + msg.toString());
      c->end("hello");
    });
    socketConnected();
  });
  server->unref();
  server->listen(0, "127.0.0.1", [server, socket, socketConnected] {
    int port = server->address()->port;
    *socket = net::connect(port, "127.0.0.1", socketConnected);
    (*socket)->unref();
  });
}
