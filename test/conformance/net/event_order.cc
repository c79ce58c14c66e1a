#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(event_order) {
  auto server = net::createServer([](net::SocketPtr s) {
    console::log("server: connection");
    for (std::string e : {"end", "finish", "prefinish"})
      s->on(e, [e] { console::log("server:", e); });
    s->on("data", [s](const Buffer& d) {
      console::log("server: data", d.toString());
      s->end("pong");
    });
    s->on("close", [](bool e) { console::log("server: close", e); });
  });
  server->on("listening", [] { console::log("server: listening"); });
  server->on("close", [] { console::log("server: close event"); });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::createConnection({.port = server->address()->port, .host = "127.0.0.1"});
    console::log("client: connecting", c->connecting(), "pending", c->pending(), c->readyState());
    for (std::string e : {"connect", "ready", "end", "finish", "prefinish", "resume", "pause"})
      c->on(e, [e] { console::log("client:", e); });
    c->on("connect", [c] {
      console::log("client: connecting", c->connecting(), c->readyState());
      c->write("ping");
    });
    c->on("data", [](const Buffer& d) { console::log("client: data", d.toString()); });
    c->on("close", [server, c](bool e) {
      console::log("client: close", e, c->readyState());
      server->close();
    });
  });
}
