// Port of probe_errors.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe_errors) {
  process::on("warning", [](const Error& w) {
    console::log("warning", w.name, Value(w.message).stringify());
  });
  auto t = std::make_shared<net::Socket>();
  t->setTimeout(3e9);
  console::log("timeout property", t->timeout());
  t->setTimeout(0);
  for (const net::ConnectOptions& o :
       {net::ConnectOptions{.port = 80, .host = "127.0.0.1", .localAddress = "nope"},
        net::ConnectOptions{.port = 70000, .host = "127.0.0.1"},
        net::ConnectOptions{
            .port = 80, .host = "127.0.0.1", .autoSelectFamilyAttemptTimeout = 0}}) {
    auto c = std::make_shared<net::Socket>();
    try {
      c->connect(o, [] {});
      console::log("no throw");
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    console::log("  after:", c->connecting(), c->pending(), c->readyState(),
                 c->listenerCount("connect"));
    c->destroy();
  }
  try {
    net::setDefaultAutoSelectFamilyAttemptTimeout(0);
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
  auto bad = net::createServer();
  try {
    bad->listen(net::ListenOptions{.host = "127.0.0.1"});
    console::log("no throw");
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
  auto server = net::createServer([](net::SocketPtr s) {
    s->resume();
    s->on("end", [s] { s->end(); });
  });
  server->listen(0, "127.0.0.1", [server, bad] {
    int port = server->address()->port;
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(port, "127.0.0.1", [c] {
      (*c)->end();
      (*c)->end([c](std::optional<Error> err) {
        console::log("second end() cb, err", err.has_value(), "finished", (*c)->writableFinished());
      });
    });
    (*c)->on("finish", [c] {
      console::log("finish");
      (*c)->end([](std::optional<Error> err) {
        console::log("end() after finish:", err->code, err->message);
      });
    });
    (*c)->resume();
    (*c)->on("close", [c, port, server, bad] {
      c->reset();
      auto d = std::make_shared<net::SocketPtr>();
      *d = net::connect(port, "127.0.0.1", [d] {
        (*d)->destroy();
        (*d)->setTimeout(10);
        console::log("timeout after destroy", (*d)->timeout());
        bool r = (*d)->write("x", [](std::optional<Error> err) {
          console::log("write cb:", err->name, err->code, err->message);
        });
        console::log("write after destroy returned", r);
        (*d)->end(
            [](std::optional<Error> err) { console::log("end cb:", err->code, err->message); });
      });
      (*d)->on("error", [](const Error& e) { console::log("unexpected error", e.message); });
      (*d)->on("close", [d, server, bad](bool e) {
        console::log("d close", e);
        server->close();
        bad->close();
        d->reset();
      });
    });
  });
}
