#include "conformance.h"
#include "nodecc/child_process.h"

using namespace nodecc;
using child_process::SendHandle;

NODECC_CONFORMANCE_CASE(fork_net_server) {
  if (process::argv().size() > 2 && process::argv()[2] == "child") {
    auto serverScope = std::make_shared<net::ServerPtr>();
    auto onServer = std::make_shared<Listener>();
    *onServer = makeListener([serverScope, onServer](const Value& msg, SendHandle handle) {
      if (msg["what"] != Value("server")) return;
      process::off("message", *onServer);
      onServer->reset();
      net::ServerPtr server = handle.server();
      *serverScope = server;
      console::log("CHILD: got", server ? "a net.Server" : "something else", "listening",
                   server->listening());
      server->on("connection", [](net::SocketPtr socket) {
        process::send(Object{{"what", "connection"}});
        socket->destroy();
      });
      process::send(Object{{"what", "listening"}});
    });
    process::on("message", *onServer);
    auto onClose = std::make_shared<Listener>();
    *onClose = makeListener([serverScope, onClose](const Value& msg) {
      if (msg["what"] != Value("close")) return;
      process::off("message", *onClose);
      onClose->reset();
      (*serverScope)->on("close", [] { process::send(Object{{"what", "close"}}); });
      (*serverScope)->close();
      serverScope->reset();
    });
    process::on("message", *onClose);
    process::send(Object{{"what", "ready"}});
    return;
  }
  auto child = child_process::fork(process::execPath(), conformance::selfArgs({"child"}));
  child->on("exit", [](std::optional<int> code, std::optional<std::string> signal) {
    console::log("PARENT: child exit", code, signal);
  });
  auto connections = std::make_shared<int>(0), closed = std::make_shared<int>(0);
  auto server = net::createServer();
  auto done = std::make_shared<std::function<void(bool)>>();
  *done = [=](bool isConnection) {
    if (isConnection)
      ++*connections;
    else
      ++*closed;
    if (*connections == 4 && *closed == 4) {
      console::log("PARENT: 4 connections accepted and 4 closed");
      server->on("close", [child] {
        console::log("PARENT: server closed");
        child->send(Object{{"what", "close"}});
      });
      server->close();
      *done = nullptr;
    }
  };
  server->on("connection", [done](net::SocketPtr socket) {
    socket->destroy();
    (*done)(true);
  });
  child->on("message", [=](const Value& msg) {
    if (msg["what"] == Value("ready")) {
      server->on("listening", [server, child] {
        console::log("PARENT: server listening");
        child->send(Object{{"what", "server"}}, server);
      });
      server->listen(0, "127.0.0.1");
    } else if (msg["what"] == Value("listening")) {
      console::log("PARENT: child listening");
      for (int i = 0; i < 4; i++) {
        auto socket = net::connect(server->address()->port, "127.0.0.1");
        socket->on("error", [](const Error&) {});
        socket->on("close", [done](bool) { (*done)(false); });
      }
    } else if (msg["what"] == Value("connection")) {
      (*done)(true);
    } else if (msg["what"] == Value("close")) {
      console::log("PARENT: child server closed");
      child->disconnect();
    }
  });
}
