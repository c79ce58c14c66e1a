#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(bytes_counters) {
  auto server = net::createServer([](net::SocketPtr s) {
    s->on("data", [s](const Buffer& d) { s->write(d); });
    s->on("end", [s] { s->end(); });
    s->on("close", [s] {
      console::log("server bytesRead", s->bytesRead(), "bytesWritten", s->bytesWritten());
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    console::log("before connect: bytesWritten", c->bytesWritten(), "bytesRead", c->bytesRead());
    c->write(std::string(1000, 'x'));
    console::log("queued before connect: bytesWritten", c->bytesWritten());
    auto got = std::make_shared<std::size_t>(0);
    c->on("data", [c, got](const Buffer& d) {
      *got += d.length();
      if (*got == 1000) c->end();
    });
    c->on("close", [c, server] {
      console::log("client bytesRead", c->bytesRead(), "bytesWritten", c->bytesWritten());
      server->close();
    });
  });
}
