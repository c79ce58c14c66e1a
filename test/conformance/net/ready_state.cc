#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(ready_state) {
  auto server = net::createServer({.allowHalfOpen = true}, [](net::SocketPtr s) {
    s->resume();
    s->on("end", [s] {
      console::log("server after end", s->readyState());
      s->end();
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::Socket>();
    console::log("new", c->readyState(), "pending", c->pending(), "connecting", c->connecting());
    c->connect(server->address()->port, "127.0.0.1");
    console::log("connect()", c->readyState(), "pending", c->pending(), "connecting",
                 c->connecting());
    c->on("connect", [c] {
      console::log("connected", c->readyState(), "pending", c->pending());
      c->end();
      console::log("after end()", c->readyState());
    });
    c->resume();
    c->on("end", [c] { console::log("client end", c->readyState()); });
    c->on("close", [c, server] {
      console::log("closed", c->readyState(), "destroyed", c->destroyed());
      server->close();
    });
  });
}
