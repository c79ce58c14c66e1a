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
  // Lines are printed where their order does not depend on scheduling: the send callback's
  // at the client's 'close' (after the child's line), the child's exit once the server has
  // closed too.
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  struct State {
    std::optional<Error> sentErr;
    bool sentDestroyed = false;
    std::optional<std::pair<std::optional<int>, std::optional<std::string>>> exited;
    bool serverClosed = false;
    void finish() const {
      if (exited && serverClosed) console::log("PARENT: child exit", exited->first, exited->second);
    }
  };
  auto st = std::make_shared<State>();
  child->on("exit", [st](std::optional<int> code, std::optional<std::string> signal) {
    st->exited.emplace(code, signal);
    st->finish();
  });
  auto onReady = std::make_shared<Listener>();
  *onReady = makeListener([child, onReady, st](const Value& msg) {
    if (msg["what"] != Value("ready")) return;
    child->off("message", *onReady);
    onReady->reset();
    auto server = net::createServer();
    server->on("connection", [child, st](net::SocketPtr socket) {
      socket->on("close", [](bool) { console::log("PARENT: sent socket closed (unexpected)"); });
      std::weak_ptr<net::Socket> weak = socket;
      child->send(Object{{"what", "socket"}}, socket, [weak, st](std::optional<Error> err) {
        auto s = weak.lock();
        st->sentErr = err;
        st->sentDestroyed = s && s->destroyed();
      });
    });
    server->on("close", [st] {
      console::log("PARENT: server closed");
      st->serverClosed = true;
      st->finish();
    });
    server->listen(0, "127.0.0.1", [server, st] {
      auto connect = net::connect(server->address()->port, "127.0.0.1");
      auto store = std::make_shared<std::string>();
      connect->on("data", [store](const Buffer& chunk) { *store += chunk.toString(); });
      connect->on("close", [server, store, st](bool) {
        console::log("PARENT: sent, err", st->sentErr, "socket destroyed", st->sentDestroyed);
        console::log("CLIENT: closed, got", Value(*store).stringify());
        server->close();
      });
    });
  });
  child->on("message", *onReady);
}
