// Port of probe_timeout_close.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
int phase = 1;
std::string clientClosed;
net::ServerPtr server;

void relisten() {
  console::log("relisten;", clientClosed);
  server->listen(0, "127.0.0.1", [] {
    auto c2 = std::make_shared<net::SocketPtr>();
    *c2 = net::connect(server->address()->port, "127.0.0.1", [c2] {
      (*c2)->end();
      c2->reset();
    });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_timeout_close) {
  server = net::createServer([](net::SocketPtr s) {
    console::log("connection in phase", phase);
    s->on("data", [s](const Buffer& d) { s->write(d); });
    s->on("end", [s] { s->end(); });
    if (phase == 2)
      s->on("close", [] {
        server->close(
            [](std::optional<Error> err) { console::log("close cb A", Maybe<Error>(err)); });
        server->close(
            [](std::optional<Error> err) { console::log("close cb B", err->code, err->message); });
      });
  });
  server->on("close", [] {
    console::log("server close event, phase", phase, "listening", server->listening(),
                 "address null", !server->address().has_value());
    if (phase != 1) return;
    phase = 2;
    if (!clientClosed.empty()) setImmediate(relisten);
  });
  auto t = net::createServer();
  t->on("close", [] { console::log("t close event"); });  // closed twice
  t->listen(0, "127.0.0.1", [t] {
    t->close([](std::optional<Error> e) { console::log("t cb 1", Maybe<Error>(e)); });
    t->close([](std::optional<Error> e) { console::log("t cb 2", e->code); });
  });
  server->listen(0, "127.0.0.1", [] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    console::log("timeout before setTimeout", c->timeout());
    c->setTimeout(100, [] { console::log("setTimeout callback"); });
    console::log("timeout property", c->timeout());
    auto timeouts = std::make_shared<int>(0);
    c->on("timeout", [c, timeouts] {
      (*timeouts)++;
      console::log("timeout", *timeouts, c->readyState(), "destroyed", c->destroyed());
      if (*timeouts == 1) {
        c->write("ping");
        return;
      }
      c->setTimeout(0);
      console::log("timeout property after setTimeout(0)", c->timeout());
      c->write("pong");
    });
    c->on("data", [c](const Buffer& d) {
      console::log("client data", d.toString());
      if (d.toString() != "pong") return;
      setTimeout(
          [c] {
            server->getConnections(
                [](std::optional<Error> err, int n) { console::log("connections", err, n); });
            server->close([](std::optional<Error> err) {
              console::log("close callback 1", Maybe<Error>(err));
            });
            server->close([](std::optional<Error> err) {
              console::log("close callback 2", err->code, err->message);
            });
            console::log("after close(): listening", server->listening(), "address null",
                         !server->address().has_value());
            c->end();
          },
          250);
    });
    c->on("close", [timeouts](bool e) {
      clientClosed = std::string("client closed ") + (e ? "true" : "false") + ", timeouts " +
                     std::to_string(*timeouts);
      if (phase == 2) setImmediate(relisten);
    });
  });
}
