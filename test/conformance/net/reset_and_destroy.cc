#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(reset_and_destroy) {
  auto server = std::make_shared<net::ServerPtr>();
  *server = net::createServer([server](net::SocketPtr s) {
    s->on("error", [](const Error& e) { console::log("server error", e.code, e.syscall); });
    s->on("close", [server](bool e) {
      console::log("server close", e);
      (*server)->close();
    });
    s->on("data", [](const Buffer&) {});
  });
  (*server)->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect((*server)->address()->port, "127.0.0.1", [c] {
      (*c)->write("x", {}, [c] { setTimeout([c] { (*c)->resetAndDestroy(); }, 20); });
    });
    (*c)->on("close", [c](bool e) {
      console::log("client close", e);
      c->reset();
    });
  });
}
