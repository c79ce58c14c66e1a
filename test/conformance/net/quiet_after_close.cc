#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(quiet_after_close) {
  auto server = net::createServer();
  server->on("connection", [server](net::SocketPtr s) {
    auto removed = std::make_shared<int>(0);
    std::weak_ptr<net::Socket> w = s;
    s->on("removeListener", [removed](const std::string& name, const Listener&) {
      ++*removed;
      console::log("removeListener", name);
    });
    s->on("data", [](const Buffer&) {});
    s->on("readable", [w] {
      if (auto s = w.lock())
        while (s->read()) {
        }
    });
    s->on("close", [server, removed, w](bool hadError) {
      auto s = w.lock();
      console::log("close", hadError, "flowing", s->readableFlowing());
      setImmediate([server, removed, s] {
        console::log("after close: removed", *removed, "flowing", s->readableFlowing());
        server->close();
      });
    });
    s->end("x");
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->resume();
    c->on("end", [c] { c->end(); });
  });
}
