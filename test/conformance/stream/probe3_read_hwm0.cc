#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value str3h(const std::optional<Buffer>& b) { return b ? Value(b->toString()) : Value(nullptr); }
void part2() {
  console::log("--- sync hwm 0");
  auto n = std::make_shared<int>(0);
  stream::Readable::Options o;
  o.highWaterMark = 0;
  o.read = [n](stream::Readable& self, std::size_t size) {
    (*n)++;
    console::log("s _read", *n, "size", size);
    if (*n <= 3) {
      self.push("s" + std::to_string(*n));
    } else if (*n == 4) {
      setImmediate([&self] { self.push(nullptr); });
    }
  };
  auto s = std::make_shared<stream::Readable>(o);
  auto rounds = std::make_shared<int>(0);
  auto onReadable = std::make_shared<Listener>();
  *onReadable = makeListener([s, rounds, onReadable] {
    (*rounds)++;
    std::string got;
    while (auto c = s->read()) {
      if (!got.empty()) got += ",";
      got += c->toString();
    }
    console::log("s readable", *rounds, got, "length", s->readableLength());
    if (*rounds == 2) {
      s->removeListener("readable", *onReadable);
      s->on("data", [](const Buffer& d) { console::log("s data", d.toString()); });
      console::log("s flowing after switch", s->readableFlowing());
    }
  });
  s->on("readable", *onReadable);
  s->on("end", [n] { console::log("s end, reads", *n); });
  s->on("close", [s, onReadable] {
    console::log("s close");
    *onReadable = nullptr;
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_read_hwm0) {
  auto reads = std::make_shared<int>(0);
  stream::Readable::Options o;
  o.highWaterMark = 0;
  o.read = [reads](stream::Readable& self, std::size_t size) {
    (*reads)++;
    console::log("_read", *reads, "size", size, "length", self.readableLength());
  };
  auto r = std::make_shared<stream::Readable>(o);
  console::log("hwm", r->readableHighWaterMark(), "length", r->readableLength());
  auto z = r->read(0);
  console::log("read(0) empty", str3h(z), "reads", *reads);
  bool p = r->push("a");
  console::log("push a", p, "length", r->readableLength());
  p = r->push("bc");
  console::log("push bc", p, "length", r->readableLength());
  z = r->read(0);
  console::log("read(0) with data", str3h(z), "length", r->readableLength());
  process::nextTick([] { console::log("tick 1"); });
  r->once("readable", [r] {
    console::log("readable, length", r->readableLength());
    auto c = r->read(1);
    console::log("read(1)", str3h(c), "length", r->readableLength());
    c = r->read();
    console::log("read()", str3h(c), "length", r->readableLength());
    c = r->read();
    console::log("read() empty", str3h(c), "length", r->readableLength());
    c = r->read(5);
    console::log("read(5) empty", str3h(c), "hwm", r->readableHighWaterMark());
    bool pp = r->push("defghij");
    console::log("push defghij", pp, "length", r->readableLength());
    c = r->read(5);
    console::log("read(5)", str3h(c), "length", r->readableLength());
    c = r->read(100);
    console::log("read(100)", str3h(c), "hwm", r->readableHighWaterMark());
    setImmediate(part2);
  });
}
