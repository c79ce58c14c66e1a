#include "conformance.h"
#include "nodecc/http.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(socket_set_encoding) {
  auto server = http::createServer();
  server->on("connection", [](net::SocketPtr socket) {
    try {
      socket->setEncoding("utf8");
      console::log("server socket took an encoding");
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    socket->end();
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->on("connect", [c = c.get()] {
      c->setEncoding("latin1");
      console::log("client socket encoding", c->readableEncoding());
    });
    c->resume();
    c->on("end", [server] {
      console::log("client end");
      server->close([] { console::log("closed"); });
    });
  });
}
