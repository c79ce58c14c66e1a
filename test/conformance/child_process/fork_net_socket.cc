#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::SendHandle;

NODECC_CONFORMANCE_CASE(fork_net_socket) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    auto onSocket = std::make_shared<Listener>();
    *onSocket = makeListener([onSocket](const Value& msg, SendHandle handle) {
      if (msg["what"] != Value("socket")) return;
      process::off("message", *onSocket);
      onSocket->reset();
      net::SocketPtr socket = handle.socket();
      console::log("CHILD: got socket", socket != nullptr, "readable", socket->readable(),
                   "writable", socket->writable());
      socket->end("echo");
    });
    process::on("message", *onSocket);
    process::send(Object{{"what", "ready"}});
    return;
  }
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  child->on("exit", [](std::optional<int> code, std::optional<std::string> signal) {
    console::log("PARENT: child exit", code, signal);
  });
  auto onReady = std::make_shared<Listener>();
  *onReady = makeListener([child, onReady](const Value& msg) {
    if (msg["what"] != Value("ready")) return;
    child->off("message", *onReady);
    onReady->reset();
    auto server = net::createServer();
    server->on("connection", [child](net::SocketPtr socket) {
      socket->on("close", [](bool) { console::log("PARENT: sent socket closed (unexpected)"); });
      std::weak_ptr<net::Socket> weak = socket;
      child->send(Object{{"what", "socket"}}, socket, [weak](std::optional<Error> err) {
        auto s = weak.lock();
        console::log("PARENT: sent, err", err, "socket destroyed", s && s->destroyed());
      });
    });
    server->on("close", [] { console::log("PARENT: server closed"); });
    server->listen(0, "127.0.0.1", [server] {
      auto connect = net::connect(server->address()->port, "127.0.0.1");
      auto store = std::make_shared<std::string>();
      connect->on("data", [store](const Buffer& chunk) { *store += chunk.toString(); });
      connect->on("close", [server, store](bool) {
        console::log("CLIENT: closed, got", Value(*store).stringify());
        server->close();
      });
    });
  });
  child->on("message", *onReady);
}
