#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using RP = std::shared_ptr<stream::Readable>;
Value str3v(const std::optional<Buffer>& b) { return b ? Value(b->toString()) : Value(nullptr); }
std::string s3v(const std::optional<Buffer>& b) { return b ? b->toString() : "null"; }
stream::Readable::Options ropts3v() {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  return o;
}
void part5() {
  console::log("--- passthrough ended before any read");
  auto t = std::make_shared<stream::PassThrough>();
  stream::PassThrough* raw = t.get();
  t->on("readable", [raw] {
    auto c = raw->read();
    console::log("t readable, read", str3v(c), "ended", raw->readableEnded());
  });
  t->on("end", [] { console::log("t end"); });
  t->end();
  console::log("t after end()");
  process::nextTick([] { console::log("t tick"); });
}
void part4() {
  console::log("--- passthrough");
  stream::Duplex::Options po;
  po.readableHighWaterMark = 4;
  po.writableHighWaterMark = 4;
  auto p = std::make_shared<stream::PassThrough>(po);
  for (std::string s : {"11", "22", "33", "44"}) {
    bool r = p->write(s, [s] { console::log("write cb", s); });
    console::log("write", s, r, "rlen", p->readableLength(), "wlen", p->writableLength());
  }
  p->end();
  stream::PassThrough* raw = p.get();
  p->on("readable", [raw] {
    while (auto c = raw->read())
      console::log("p read", c->toString(), "rlen", raw->readableLength());
  });
  p->on("end", [] { console::log("p end"); });
  p->on("finish", [] { console::log("p finish"); });
  p->on("close", [] {
    console::log("p close");
    setImmediate(part5);
  });
}
void part3() {
  console::log("--- read(n) waiting");
  auto q = std::make_shared<stream::Readable>(ropts3v());
  stream::Readable* raw = q.get();
  q->on("readable", [raw] {
    auto c = raw->read(5);
    console::log("q readable, read(5)", s3v(c), "length", raw->readableLength());
  });
  q->push("ab");
  setImmediate([q] {
    q->push("cd");
    setImmediate([q] {
      q->push("efg");
      q->push(nullptr);
    });
  });
  q->on("end", [] {
    console::log("q end");
    setImmediate(part4);
  });
}
void part2() {
  console::log("--- empty");
  stream::Readable::Options o;
  o.read = [](stream::Readable& self, std::size_t) {
    console::log("e _read");
    self.push(nullptr);
  };
  auto e = std::make_shared<stream::Readable>(o);
  stream::Readable* raw = e.get();
  e->on("readable", [raw] {
    auto c = raw->read();
    console::log("e readable, read", str3v(c), "ended", raw->readableEnded());
  });
  e->on("end", [] {
    console::log("e end");
    setImmediate(part3);
  });
}
void cycle3v(const RP& r, std::shared_ptr<int> round) {
  std::weak_ptr<stream::Readable> wr = r;
  r->once("readable", [wr, round] {
    auto r = wr.lock();
    (*round)++;
    auto c = r->read(3);
    console::log("readable", *round, "read(3)", s3v(c), "length", r->readableLength(), "flowing",
                 r->readableFlowing());
    if (*round < 5) cycle3v(r, round);
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_readable_event) {
  stream::Readable::Options o = ropts3v();
  o.highWaterMark = 4;
  auto r = std::make_shared<stream::Readable>(o);
  auto round = std::make_shared<int>(0);
  cycle3v(r, round);
  r->push("abcdef");
  setImmediate([r] {
    bool p = r->push("gh");
    console::log("push gh", p);
    setImmediate([r] {
      console::log("push null");
      r->push(nullptr);
    });
  });
  r->on("end", [round] {
    console::log("r end, round", *round);
    setImmediate(part2);
  });
}
