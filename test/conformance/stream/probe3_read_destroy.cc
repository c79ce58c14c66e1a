#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
Value show3r(const std::optional<Error>& e) {
  return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
           : Value(nullptr);
}
std::string flags3r(const stream::Readable& s) {
  auto e = s.errored();
  std::string es =
      e ? (e->code.empty() ? std::string("-") : e->code) + " " + e->message : std::string("null");
  return std::string("destroyed ") + (s.destroyed() ? "true" : "false") + " errored " + es +
         " aborted " + (s.readableAborted() ? "true" : "false") + " readable " +
         (s.readable() ? "true" : "false");
}
template <class S>
void watch3r(std::string name, const std::shared_ptr<S>& s) {
  stream::Readable* raw = s.get();
  for (std::string ev : {"end", "close", "pause", "resume"})
    s->on(ev, [name, ev, raw] { console::log(name, ev, flags3r(*raw)); });
  s->on("error",
        [name, raw](const Error& e) { console::log(name, "error", show3r(e), flags3r(*raw)); });
}
void partD() {
  console::log("--- d");
  auto pending = std::make_shared<stream::Callback>();
  stream::Duplex::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  o.write = [pending](stream::Writable&, Buffer chunk, stream::Callback cb) {
    console::log("d _write", chunk.toString());
    *pending = std::move(cb);
  };
  auto d = std::make_shared<stream::Duplex>(o);
  watch3r("d", d);
  d->on("finish", [] { console::log("d finish (never)"); });
  d->write("one", [](std::optional<Error> e) { console::log("d cb one", show3r(e)); });
  d->write("two", [](std::optional<Error> e) { console::log("d cb two", show3r(e)); });
  d->end([](std::optional<Error> e) { console::log("d end cb", show3r(e)); });
  d->destroy();
  console::log("d destroyed", flags3r(*d), "wlength", d->writableLength());
  setImmediate([d, pending] {
    console::log("d completing pending write");
    // Taken out of `pending` first: it holds the stream (no cycle once called).
    stream::Callback cb = std::move(*pending);
    *pending = stream::Callback();
    cb({});
    console::log("d after pending", "wlength", d->writableLength());
  });
}
void partC() {
  console::log("--- c");
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) { throw Error("thrown in read"); };
  auto c = std::make_shared<stream::Readable>(o);
  watch3r("c", c);
  auto r = c->read();
  console::log("c read()", r ? Value(r->toString()) : Value(nullptr), flags3r(*c));
  c->on("close", [] { setImmediate(partD); });
}
void partB() {
  console::log("--- b");
  stream::Readable::Options o;
  o.read = [](stream::Readable& self, std::size_t) {
    console::log("b _read");
    self.push("pushed");
    self.destroy();
    console::log("b after", flags3r(self), "length", self.readableLength());
  };
  auto b = std::make_shared<stream::Readable>(o);
  watch3r("b", b);
  b->on("readable", [] { console::log("b readable (never)"); });
  b->on("data", [](const Buffer& d) { console::log("b data", d.toString()); });
  b->on("close", [] { setImmediate(partC); });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_read_destroy) {
  auto n = std::make_shared<int>(0);
  stream::Readable::Options o;
  o.read = [n](stream::Readable& self, std::size_t) {
    (*n)++;
    console::log("a _read", *n);
    if (*n == 2) {
      self.destroy(Error("read failed"));
      bool p = self.push("late");
      console::log("a after destroy in _read", flags3r(self), "push", p);
    } else {
      int k = *n;
      auto keep = self.shared_from_this();  // the JS closure keeps `this`
      process::nextTick([&self, keep, k] { self.push("chunk" + std::to_string(k)); });
    }
  };
  auto a = std::make_shared<stream::Readable>(o);
  watch3r("a", a);
  a->on("data", [](const Buffer& d) { console::log("a data", d.toString()); });
  a->on("close", [] { setImmediate(partB); });
}
