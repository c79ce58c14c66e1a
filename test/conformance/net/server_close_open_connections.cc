#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_close_open_connections) {
  auto server = std::make_shared<net::ServerPtr>();
  *server = net::createServer([server](net::SocketPtr s) {
    s->resume();
    (*server)->close([] { console::log("close callback"); });
    console::log("listening after close()", (*server)->listening());
    (*server)->getConnections([s](std::optional<Error> err, int n) {
      console::log("connections", err, n);
      setTimeout(
          [s] {
            console::log("ending the last connection");
            s->end();
          },
          20);
    });
  });
  (*server)->on("close", [] { console::log("server close event"); });
  (*server)->listen(0, "127.0.0.1", [server] {
    auto c = net::connect((*server)->address()->port, "127.0.0.1");
    c->resume();
    c->on("end", [] { console::log("client end"); });
    c->on("close", [] { console::log("client close"); });
  });
}
