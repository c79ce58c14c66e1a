#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(eaddrinuse) {
  auto a = net::createServer();
  a->listen(0, "127.0.0.1", [a] {
    int port = a->address()->port;
    auto b = net::createServer();
    b->on("error", [a, b, port](const Error& e) {
      console::log(e.code, e.errnum, e.syscall, e.address, e.port == port, "listening",
                   b->listening());
      std::string msg = e.message;
      msg.replace(msg.find(std::to_string(port)), std::to_string(port).size(), "PORT");
      console::log(msg);
      a->close();
    });
    b->on("listening", [] { console::log("unexpected listening"); });
    b->listen(port, "127.0.0.1");
  });
}
