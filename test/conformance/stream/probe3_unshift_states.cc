#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value show3u(const std::optional<Error>& e) {
  return e ? Value(e->code + " " + e->message) : Value(nullptr);
}
void part3() {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto d = std::make_shared<stream::Readable>(o);
  d->push("abc");
  d->destroy();
  bool u = d->unshift(Buffer::from("zz"));
  console::log("d unshift after destroy", u, "length", d->readableLength());
  d->on("close", [d] { console::log("d close, length", d->readableLength()); });
}
void part2() {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  o.autoDestroy = false;
  auto q = std::make_shared<stream::Readable>(o);
  q->on("error",
        [q](const Error& e) { console::log("q error", show3u(e), "destroyed", q->destroyed()); });
  q->on("close", [] { console::log("q close (unexpected)"); });
  q->on("end", [q] {
    console::log("q end");
    setImmediate([q] {
      bool u = q->unshift(Buffer::from("x"));
      console::log("q unshift after end", u);
      console::log("q after: destroyed", q->destroyed(), "errored", show3u(q->errored()),
                   "readable", q->readable());
      bool u2 = q->unshift(Buffer::from("y"));
      console::log("q unshift again", u2, "length", q->readableLength());
      part3();
    });
  });
  q->resume();
  q->push(nullptr);
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_unshift_states) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  o.highWaterMark = 4;
  auto r = std::make_shared<stream::Readable>(o);
  bool u = r->unshift(Buffer::from("ab"));
  console::log("unshift ab", u, "length", r->readableLength(), "flowing", r->readableFlowing());
  u = r->unshift(Buffer::from("cdef"));
  console::log("unshift cdef", u, "length", r->readableLength());
  u = r->unshift(Buffer::alloc(0));
  console::log("unshift empty", u, "length", r->readableLength());
  bool p = r->push("gh");
  console::log("push gh", p, "length", r->readableLength());
  auto c = r->read(3);
  console::log("read(3)", c->toString(), "length", r->readableLength());
  c = r->read();
  console::log("read()", c->toString(), "length", r->readableLength());
  auto depth = std::make_shared<int>(0);
  r->on("data", [r, depth](const Buffer& d) {
    (*depth)++;
    console::log("data", d.toString(), "depth", *depth, "length", r->readableLength());
    if (d.toString() == "one") {
      bool ub = r->unshift(Buffer::from("back"));
      console::log("  unshift back", ub, "length", r->readableLength());
    }
    (*depth)--;
  });
  r->on("end", [r] {
    console::log("end, destroyed", r->destroyed());
    bool ul = r->unshift(Buffer::from("late"));
    console::log("unshift in end", ul, "destroyed", r->destroyed(), "errored", show3u(r->errored()),
                 "length", r->readableLength());
  });
  r->on("error",
        [r](const Error& e) { console::log("error", show3u(e), "destroyed", r->destroyed()); });
  r->on("close", [r] {
    console::log("close, errored", show3u(r->errored()));
    part2();
  });
  setImmediate([r] {
    console::log("flowing", r->readableFlowing());
    r->push("one");
    r->push("two");
    r->push(nullptr);
  });
}
