#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(connect_localhost) {
  auto server = net::createServer([](net::SocketPtr s) { s->end("hi"); });
  server->listen(0, [server] {
    console::log("server family", server->address()->family, "address", server->address()->address);
    auto c = net::connect(server->address()->port, "localhost");
    c->on("lookup", [](std::optional<Error> err, const std::string&, int, const std::string& host) {
      console::log("lookup", err, host, "string", "number");
    });
    c->on("connect", [c] {
      auto f = c->remoteFamily();
      console::log("connect; remote family is IPv4 or IPv6", f && (*f == "IPv4" || *f == "IPv6"));
    });
    c->setEncoding("utf8");
    c->on("data", [](const std::string& d) { console::log("data", d); });
    c->on("close", [server] { server->close(); });
  });
}
