#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(end_callback) {
  auto server = net::createServer([](net::SocketPtr s) {
    s->resume();
    s->on("end", [s] { s->end(); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c] {
      (*c)->write("a", {}, [] { console::log("write a cb"); });
      (*c)->write("b", {}, [] { console::log("write b cb"); });
      (*c)->end("c", {}, stream::detail::toCallback([] { console::log("end cb"); }));
      console::log("writableEnded", (*c)->writableEnded(), "writableFinished",
                   (*c)->writableFinished());
    });
    (*c)->on("finish", [c] { console::log("finish; writableFinished", (*c)->writableFinished()); });
    (*c)->resume();
    (*c)->on("close", [server, c] {
      server->close();
      c->reset();
    });
  });
}
