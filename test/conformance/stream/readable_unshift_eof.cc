#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(readable_unshift_eof) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto r = std::make_shared<stream::Readable>(o);
  bool p1 = r->push("HEAD:body-one");
  bool p2 = r->push("|two");
  console::log("push", p1, "push", p2);
  Buffer first = *r->read(8);
  auto colon = first.indexOf(":");
  console::log("header", first.subarray(0, colon).toString(), "length", r->readableLength());
  bool u = r->unshift(first.subarray(colon + 1));
  console::log("unshift", u, "length", r->readableLength());
  auto all = r->read();
  console::log("read all", all->toString(), "length", r->readableLength());
  bool pn = r->push(nullptr);
  console::log("push null", pn, "ended", r->readableEnded());
  u = r->unshift(Buffer::from("tail"));
  console::log("unshift after eof", u, "length", r->readableLength());
  bool px = r->push("x");
  console::log("push x", px, "length", r->readableLength());
  console::log("sync: destroyed", r->destroyed(), "errored",
               r->errored() ? Value(r->errored()->code) : Value(nullptr), "closed", r->closed(),
               "readable", r->readable());
  r->on("data", [](const Buffer& d) { console::log("data", d.toString()); });
  r->on("end", [] { console::log("end (unexpected)"); });
  r->on("error", [r](const Error& e) {
    console::log("error", e.code, e.message, e.name, e.toString());
    console::log("  destroyed", r->destroyed(), "closed", r->closed(), "errored",
                 r->errored()->code, "readable", r->readable(), "aborted", r->readableAborted());
  });
  r->on("close", [r] {
    console::log("close, destroyed", r->destroyed(), "closed", r->closed(), "ended",
                 r->readableEnded());
    bool py = r->push("y");
    bool uz = r->unshift(Buffer::from("z"));
    console::log("push after close", py, "unshift after close", uz, "length", r->readableLength());
  });
  process::nextTick([] { console::log("tick"); });
}
