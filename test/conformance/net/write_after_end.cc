#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(write_after_end) {
  auto server = net::createServer([](net::SocketPtr s) { s->resume(); });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c] {
      (*c)->end("last");
      bool ret = (*c)->write("more", {}, [](std::optional<Error> err) {
        console::log("write cb:", err->code, err->message);
      });
      console::log("write returned", ret);
    });
    (*c)->on("error", [](const Error& err) {
      console::log("error event:", err.name, err.code, err.message);
    });
    (*c)->on("close", [server, c](bool hadError) {
      console::log("close", hadError);
      server->close();
      c->reset();
    });
  });
}
