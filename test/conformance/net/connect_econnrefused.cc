#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(connect_econnrefused) {
  auto server = net::createServer();
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    server->close([port] {
      auto c = net::createConnection(port, "127.0.0.1");
      c->on("connect", [] { console::log("unexpected connect"); });
      c->on("error", [c, port](const Error& e) {
        console::log(e.name, e.code, e.errnum, e.syscall, e.address, e.port == port);
        std::string msg = e.message;
        msg.replace(msg.find(std::to_string(port)), std::to_string(port).size(), "PORT");
        console::log(msg);
        console::log("destroyed", c->destroyed(), "readyState", c->readyState());
      });
      c->on("close", [](bool hadError) { console::log("close hadError", hadError); });
    });
  });
}
