#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
void run(const net::ServerPtr& server, bool keep, std::function<void()> next) {
  auto c = net::connect(server->address()->port, "127.0.0.1");
  if (!keep) c->removeAllListeners("end");
  c->on("data", [keep](const Buffer& d) { console::log(keep, "data", d.toString()); });
  c->on("end", [keep, c] {
    console::log(keep, "end", c->listenerCount("end"));
    setImmediate([keep, c] {
      bool ret = c->write("late", [keep](std::optional<Error> err) {
        console::log(keep, "write cb", err ? Value(err->code) : Value());
      });
      console::log(keep, "write returned", ret);
    });
  });
  c->on("error", [keep](const Error& err) { console::log(keep, "error", err.code, err.message); });
  c->on("close", [keep, next](bool hadError) {
    console::log(keep, "close", hadError);
    next();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(end_listener) {
  auto a = std::make_shared<net::Socket>();
  auto b = std::make_shared<net::Socket>();
  console::log("count", a->listenerCount("end"), "names", a->eventNames());
  console::log("same function", a->listeners("end")[0] == b->listeners("end")[0]);
  a->removeAllListeners("end");
  console::log("after removal", a->listenerCount("end"), b->listenerCount("end"));
  console::log("fresh", std::make_shared<net::Socket>()->listenerCount("end"));
  a->destroy();
  b->destroy();

  auto server = net::createServer([](net::SocketPtr s) { s->end("bye"); });
  server->listen(0, "127.0.0.1", [server] {
    run(server, true, [server] { run(server, false, [server] { server->close(); }); });
  });
}
