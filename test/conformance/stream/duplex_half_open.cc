#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value codeOf(const std::optional<Error>& err) { return err ? Value(err->code) : Value(nullptr); }

std::shared_ptr<stream::Duplex> make(std::string name, bool allowHalfOpen) {
  stream::Duplex::Options o;
  o.allowHalfOpen = allowHalfOpen;
  o.read = [](stream::Readable&, std::size_t) {};
  o.write = [name](stream::Writable&, Buffer chunk, stream::Callback cb) {
    console::log(name, "_write", chunk.toString());
    cb(std::nullopt);
  };
  o.final = [name](stream::Writable&, stream::Callback cb) {
    console::log(name, "_final");
    cb(std::nullopt);
  };
  auto d = std::make_shared<stream::Duplex>(o);
  std::weak_ptr<stream::Duplex> w = d;
  for (std::string ev : {"end", "prefinish", "finish", "close"}) {
    d->on(ev, [name, ev, w] {
      auto d = w.lock();
      console::log(name, ev, "writable", d->writable(), "wEnded", d->writableEnded(), "wFinished",
                   d->writableFinished(), "rEnded", d->readableEnded(), "destroyed",
                   d->destroyed());
    });
  }
  d->on("data", [name](const Buffer& c) { console::log(name, "data", c.toString()); });
  return d;
}
}  // namespace

NODECC_CONFORMANCE_CASE(duplex_half_open) {
  auto a = make("A", false);
  console::log("A allowHalfOpen", a->allowHalfOpen);
  a->write("w1");
  a->push("r1");
  a->push(nullptr);
  a->once("end", [a] {
    console::log("A in end: writable", a->writable());
    a->write("in-end", [](std::optional<Error> err) { console::log("A in-end cb", codeOf(err)); });
    process::nextTick([a] { console::log("A tick after end: writable", a->writable()); });
  });
  a->on("close", [a] {
    setImmediate([a] {
      a->write("late", [](std::optional<Error> err) { console::log("A late cb", codeOf(err)); });
      auto b = make("B", true);
      console::log("B allowHalfOpen", b->allowHalfOpen);
      b->push("r2");
      b->push(nullptr);
      b->once("end", [b] {
        setImmediate([b] {
          console::log("B after end: writable", b->writable(), "destroyed", b->destroyed());
          b->write("w2", [] { console::log("B w2 cb"); });
          b->end("w3", [] { console::log("B end cb"); });
          console::log("B after end(): writable", b->writable(), "wEnded", b->writableEnded());
        });
      });
    });
  });
}
