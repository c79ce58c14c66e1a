// Port of probe3_destroy_pending.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
stream::Callback cb(std::string tag) {
  return [tag](std::optional<Error> err) {
    if (!err) return console::log(tag, "null");
    console::log(tag,
                 (err->code.empty() ? std::string("undefined") : err->code) + " " + err->message);
  };
}
std::function<void(const Error&)> ecb(std::string tag) {
  return [tag](const Error& err) {
    console::log(tag, (err.code.empty() ? std::string("undefined") : err.code) + " " + err.message);
  };
}
std::string errCode(const std::optional<Error>& e) { return e ? e->code : "null"; }
std::string errMsg(const std::optional<Error>& e) { return e ? e->message : "null"; }

auto accepted = std::make_shared<std::vector<net::SocketPtr>>();
net::ServerPtr server;

void fourth() {
  auto d = net::connect(server->address()->port, "127.0.0.1");
  d->on("connect", [d] {
    d->write(std::string(100000, 'x'), cb("d write"));
    d->destroySoon();
    console::log("d after destroySoon", d->readyState(), d->writable(), d->writableEnded(),
                 d->destroyed());
  });
  d->on("finish", [d] { console::log("d finish", d->destroyed()); });
  d->on("close", [](bool e) {
    console::log("d close", e);
    auto e2 = net::connect(server->address()->port, "127.0.0.1");
    e2->on("connect", [e2] {
      e2->end();
      e2->on("finish", [e2] {
        e2->destroySoon();
        console::log("e destroySoon after finish: destroyed", e2->destroyed());
      });
    });
    e2->on("close", [](bool e) {
      console::log("e close", e);
      for (auto& s : *accepted) s->destroy();
      accepted->clear();
      server->close();
      server.reset();
    });
  });
}

void third() {
  auto c = net::connect(server->address()->port, "127.0.0.1");
  c->on("connect", [c] {
    bool ok = c->write(Buffer::alloc(8 * 1024 * 1024, 1), cb("c big write"));
    c->write("tail", cb("c tail write"));
    console::log("c write returned", ok, "writableNeedDrain", c->writableNeedDrain());
    setTimeout(
        [c] {
          console::log("c destroy; writableLength > 0", c->writableLength() > 0);
          c->destroy();
          console::log("c after destroy", c->readyState(), c->writable());
        },
        20);
  });
  c->on("drain", [] { console::log("c drain"); });
  c->on("error", ecb("c error event"));
  c->on("close", [](bool e) {
    console::log("c close", e);
    fourth();
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_destroy_pending) {
  server =
      net::createServer({.pauseOnConnect = true}, [](net::SocketPtr s) { accepted->push_back(s); });
  server->listen(0, "127.0.0.1", [] {
    int port = server->address()->port;
    auto a = net::connect(port, "127.0.0.1");
    a->write("one", cb("a write one"));
    a->write("two", cb("a write two"));
    a->end(cb("a end"));
    a->destroy();
    console::log("a destroyed", a->destroyed(), a->readyState(), "writableLength",
                 a->writableLength());
    a->on("error", ecb("a error event"));
    a->on("close", [a, port](bool e) {
      console::log("a close", e, "errored", errCode(a->errored()));
      auto b = net::connect(port, "127.0.0.1");
      b->write("one", cb("b write one"));
      b->write("two", cb("b write two"));
      b->end("three", cb("b end"));
      b->destroy(Error("boom"));
      b->on("error", ecb("b error event"));
      b->on("close", [b](bool e) {
        console::log("b close", e, "errored", errMsg(b->errored()));
        third();
      });
    });
  });
}
