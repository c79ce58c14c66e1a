#include <cmath>

#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(socket_timeout) {
  auto s = std::make_shared<net::Socket>();
  for (double v : {-1.0, double(INFINITY), double(NAN)}) {
    try {
      s->setTimeout(v, [] {});
    } catch (const Error& e) {
      console::log(e.code, e.name, e.message);
    }
  }
  auto server = net::createServer([](net::SocketPtr c) { c->on("data", [](const Buffer&) {}); });
  server->listen(0, "127.0.0.1", [server] {
    auto socket = net::createConnection(server->address()->port, "127.0.0.1");
    socket->on("timeout", [socket, server] {
      console::log("timeout; timeout is", socket->timeout());
      socket->destroy();
      server->close();
    });
    socket->setTimeout(30, [] { console::log("timeout callback"); });
    socket->on("close", [](bool e) { console::log("close", e); });
  });
}
