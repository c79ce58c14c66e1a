#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using WP = std::shared_ptr<stream::Writable>;
Value show3w(const std::optional<Error>& e) {
  return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
           : Value(nullptr);
}
std::string flags3w(const stream::Writable& w) {
  auto e = w.errored();
  std::string es =
      e ? (e->code.empty() ? std::string("-") : e->code) + " " + e->message : std::string("null");
  return std::string("destroyed ") + (w.destroyed() ? "true" : "false") + " errored " + es +
         " closed " + (w.closed() ? "true" : "false") + " writable " +
         (w.writable() ? "true" : "false");
}
void watch3w(std::string name, const WP& w) {
  stream::Writable* raw = w.get();
  for (std::string ev : {"prefinish", "finish", "close"})
    w->on(ev, [name, ev, raw] { console::log(name, ev, flags3w(*raw)); });
  w->on("error",
        [name, raw](const Error& e) { console::log(name, "error", show3w(e), flags3w(*raw)); });
}
void partD() {
  console::log("--- d");
  stream::Writable::Options o;
  o.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb({}); };
  o.final = [](stream::Writable&, stream::Callback cb) {
    console::log("d _final");
    auto sh = std::make_shared<stream::Callback>(std::move(cb));
    setImmediate([sh] {
      (*sh)({});
      console::log("d after first final cb");
      (*sh)({});
    });
  };
  auto d = std::make_shared<stream::Writable>(o);
  watch3w("d", d);
  d->end("y", [](std::optional<Error> e) { console::log("d end cb", show3w(e)); });
}
void partC() {
  console::log("--- c");
  stream::Writable::Options o;
  o.write = [](stream::Writable&, Buffer, stream::Callback cb) { cb({}); };
  o.final = [](stream::Writable&, stream::Callback cb) {
    console::log("c _final");
    cb(Error("final failed"));
  };
  auto c = std::make_shared<stream::Writable>(o);
  watch3w("c", c);
  c->write("x", [](std::optional<Error> e) { console::log("c write cb", show3w(e)); });
  c->end([c](std::optional<Error> e) { console::log("c end cb", show3w(e), flags3w(*c)); });
  console::log("c after end", flags3w(*c));
  c->on("close", [] { setImmediate(partD); });
}
void partB() {
  console::log("--- b");
  auto n = std::make_shared<int>(0);
  stream::Writable::Options o;
  o.write = [n](stream::Writable&, Buffer chunk, stream::Callback cb) {
    (*n)++;
    console::log("b _write", chunk.toString());
    auto sh = std::make_shared<stream::Callback>(std::move(cb));
    (*sh)({});
    if (*n == 1) {
      setImmediate([sh] {
        console::log("b second call");
        (*sh)({});
      });
    }
  };
  auto b = std::make_shared<stream::Writable>(o);
  watch3w("b", b);
  b->write("x", [](std::optional<Error> e) { console::log("b cb x", show3w(e)); });
  b->on("close", [] { setImmediate(partC); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_write_errors) {
  stream::Writable::Options o;
  o.write = [](stream::Writable&, Buffer chunk, stream::Callback cb) {
    console::log("a _write", chunk.toString());
    cb(Error("sync fail"));
  };
  auto a = std::make_shared<stream::Writable>(o);
  watch3w("a", a);
  bool r = a->write(
      "one", [a](std::optional<Error> e) { console::log("a cb one", show3w(e), flags3w(*a)); });
  console::log("a write one", r);
  console::log("a sync", flags3w(*a), "length", a->writableLength());
  r = a->write("two", [](std::optional<Error> e) { console::log("a cb two", show3w(e)); });
  console::log("a write two", r);
  console::log("a length", a->writableLength());
  a->end([](std::optional<Error> e) { console::log("a end cb", show3w(e)); });
  process::nextTick([] { console::log("a tick"); });
  a->on("close", [] { setImmediate(partB); });
}
