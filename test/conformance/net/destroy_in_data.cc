#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(destroy_in_data) {
  auto server = net::createServer([](net::SocketPtr s) {
    s->on("data", [s](const Buffer&) {
      console::log("server data; destroying");
      s->destroy();
      console::log("after destroy", s->destroyed());
    });
    s->on("close", [] { console::log("server close"); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c] { (*c)->write("x"); });
    (*c)->on("close", [server, c] {
      console::log("client close");
      c->reset();
      auto d = std::make_shared<net::SocketPtr>();
      *d = net::connect(server->address()->port, "127.0.0.1", [d] {
        (*d)->destroy();
        console::log("destroyed in connect");
      });
      (*d)->on("data", [](const Buffer&) { console::log("unexpected data"); });
      (*d)->on("close", [server, d](bool e) {
        console::log("d close", e);
        server->close();
        d->reset();
      });
    });
  });
}
