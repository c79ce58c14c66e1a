#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value show(const std::optional<Buffer>& b) { return b ? Value(*b) : Value(nullptr); }
Value flowingOf(const stream::Readable& s) {
  auto f = s.readableFlowing();
  return f ? Value(*f) : Value(nullptr);
}
}  // namespace

NODECC_CONFORMANCE_CASE(readable_paused_read) {
  static int reads = 0;
  stream::Readable::Options o;
  o.highWaterMark = 8;
  o.read = [](stream::Readable&, std::size_t size) {
    reads++;
    console::log("_read", reads, "size", size);
  };
  auto r = std::make_shared<stream::Readable>(o);
  bool p = r->push("abc");
  console::log("push abc", p, "length", r->readableLength());
  p = r->push("defgh");
  console::log("push defgh", p, "length", r->readableLength());
  p = r->push("ij");
  console::log("push ij", p, "length", r->readableLength());
  auto c = r->read(0);
  console::log("read(0)", show(c), "length", r->readableLength());
  c = r->read(2);
  console::log("read(2)", show(c), "length", r->readableLength());
  c = r->read(4);
  console::log("read(4)", c->toString(), "length", r->readableLength());
  c = r->read(10);
  console::log("read(10)", show(c), "length", r->readableLength(), "hwm",
               r->readableHighWaterMark());
  console::log("flowing", flowingOf(*r), "paused", r->isPaused());
  static int round = 0;
  r->on("readable", [r] {
    round++;
    console::log("readable", round, "length", r->readableLength(), "ended", r->readableEnded());
    std::optional<Buffer> chunk;
    while ((chunk = r->read()).has_value()) {
      console::log("  chunk", chunk->toString(), "length", r->readableLength());
    }
    if (round == 1) {
      setImmediate([r] {
        bool q = r->push("klm");
        console::log("push klm", q, "length", r->readableLength());
        q = r->push("nopqrs");
        console::log("push nopqrs", q, "length", r->readableLength());
        q = r->push(nullptr);
        console::log("push null", q, "length", r->readableLength());
        console::log("after push null, ended", r->readableEnded());
      });
    }
  });
  console::log("flowing after readable", flowingOf(*r));
  r->on("end", [r] {
    console::log("end, length", r->readableLength(), "ended", r->readableEnded(), "destroyed",
                 r->destroyed());
  });
  r->on("close", [r] {
    bool d = r->destroyed(), cl = r->closed();
    auto after = r->read();
    console::log("close, destroyed", d, "closed", cl, "read after", show(after));
  });
  process::nextTick([r] { console::log("tick, length", r->readableLength()); });
}
