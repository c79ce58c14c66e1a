#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(write_after_peer_end) {
  auto server = net::createServer([](net::SocketPtr s) { s->end("bye"); });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->resume();
    c->on("end", [c] {
      console::log("client end; writableEnded", c->writableEnded());
      setImmediate([c] {
        console::log("after end: writableEnded", c->writableEnded(), "writable", c->writable());
        bool ret = c->write("late", {}, [](std::optional<Error> err) {
          console::log("write cb", err->code, err->message);
        });
        console::log("write returned", ret);
      });
    });
    c->on("error", [](const Error& e) { console::log("error", e.code, e.message); });
    c->on("close", [server](bool e) {
      console::log("close", e);
      server->close();
    });
  });
}
