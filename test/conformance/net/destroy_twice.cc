#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(destroy_twice) {
  auto server = net::createServer([](net::SocketPtr s) { s->resume(); });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c] {
      (*c)->destroy();
      console::log("destroyed", (*c)->destroyed());
      (*c)->destroy();
      (*c)->destroy(Error("late"));
      console::log("still destroyed", (*c)->destroyed(), "errored", (*c)->errored());
    });
    auto closes = std::make_shared<int>(0);
    (*c)->on("error", [](const Error& e) { console::log("unexpected error", e.message); });
    (*c)->on("close", [server, closes, c](bool hadError) {
      ++*closes;
      console::log("close", hadError, "count", *closes);
      setImmediate([server, closes] {
        console::log("closes total", *closes);
        server->close();
      });
      c->reset();
    });
  });
}
