#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(allow_half_open) {
  auto server = net::createServer({.allowHalfOpen = true}, [](net::SocketPtr socket) {
    socket->on("data", [](const Buffer& d) { console::log("server: data", d.toString()); });
    socket->on("end", [socket] {
      console::log("server: end; writable", socket->writable(), "readable", socket->readable());
      socket->write("after end");
      setTimeout([socket] { socket->end("bye"); }, 10);
    });
    socket->on("finish", [] { console::log("server: finish"); });
    socket->on("close", [](bool e) { console::log("server: close", e); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto client =
        net::connect({.port = server->address()->port, .host = "127.0.0.1", .allowHalfOpen = true});
    client->on("connect", [client] { client->end("hi"); });
    client->on("finish", [] { console::log("client: finish"); });
    client->on("data", [](const Buffer& d) { console::log("client: data", d.toString()); });
    client->on("end", [] { console::log("client: end"); });
    client->on("close", [server](bool e) {
      console::log("client: close", e);
      server->close();
    });
  });
}
