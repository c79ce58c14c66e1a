#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
std::string b(bool v) { return v ? "true" : "false"; }
std::string flags(const stream::Stream& s) {
  auto e = s.errored();
  return "destroyed " + b(s.destroyed()) + " closed " + b(s.closed()) + " errored " +
         (e ? e->message : "null");
}

class Slow : public stream::Readable {
 protected:
  void _read(std::size_t) override {}
  void _destroy(std::optional<Error> err, stream::Callback cb) override {
    console::log("_destroy called with", err ? Value(err->message) : Value(nullptr));
    setImmediate([err, cb = std::move(cb)]() mutable {
      console::log("_destroy calls back");
      cb(err);
    });
  }
};

void part3() {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto q = std::make_shared<stream::Readable>(o);
  std::weak_ptr<stream::Readable> wq = q;
  q->on("close", [wq] {
    auto q = wq.lock();
    console::log("q close", flags(*q), "aborted", q->readableAborted());
  });
  q->on("error", [](const Error& e) { console::log("q error (unexpected)", e.message); });
  q->destroy(std::nullopt, [wq](std::optional<Error> err) {
    console::log("q destroy cb", err ? err->message : "no error", flags(*wq.lock()));
  });
  std::string f = flags(*q);
  bool p = q->push("x");
  console::log("q after destroy:", f, "push", p, "readable", q->readable());
}

void part2() {
  auto s = std::make_shared<Slow>();
  std::weak_ptr<Slow> ws = s;
  s->on("error",
        [ws](const Error& e) { console::log("slow error", e.message, flags(*ws.lock())); });
  s->on("close", [ws] {
    console::log("slow close", flags(*ws.lock()));
    part3();
  });
  s->destroy(Error("slow"), [ws](std::optional<Error> err) {
    console::log("destroy cb", err ? Value(err->message) : Value(nullptr), flags(*ws.lock()));
  });
  console::log("slow after destroy:", flags(*s));
  s->destroy(std::nullopt, [ws](std::optional<Error> err) {
    console::log("second destroy cb", err ? err->message : "no error", flags(*ws.lock()));
  });
  console::log("slow after second destroy:", flags(*s));
}
}  // namespace

NODECC_CONFORMANCE_CASE(readable_destroy) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto r = std::make_shared<stream::Readable>(o);
  r->push("one");
  r->push("two");
  r->push("three");
  std::weak_ptr<stream::Readable> wr = r;
  r->on("data", [wr](const Buffer& d) {
    auto r = wr.lock();
    console::log("data", d.toString(), "length", r->readableLength());
    if (d.toString() != "two") return;
    console::log("before destroy:", flags(*r));
    r->destroy(Error("boom"));
    console::log("after destroy:", flags(*r), "aborted", r->readableAborted());
    bool p = r->push("four");
    console::log("push after destroy", p, "length", r->readableLength());
    r->destroy(Error("second"));
    console::log("after second destroy:", flags(*r));
    process::nextTick([] { console::log("tick after destroy"); });
  });
  r->on("end", [] { console::log("end (unexpected)"); });
  r->on("error", [wr](const Error& e) { console::log("error", e.message, flags(*wr.lock())); });
  r->on("close", [wr] {
    console::log("close", flags(*wr.lock()));
    setImmediate(part2);
  });
}
