#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(unref_server) {
  auto server = net::createServer();
  server->listen(0, "127.0.0.1", [server] {
    console::log("listening; unref");
    server->unref();
    server->ref();
    server->unref();
    setTimeout([] { console::log("unref timer never runs"); }, 1000)->unref();
  });
  process::on("exit",
              [server](int code) { console::log("exit", code, "listening", server->listening()); });
}
