#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using WP = std::shared_ptr<stream::Writable>;
Value show3e(const std::optional<Error>& e) {
  return e ? Value((e->code.empty() ? std::string("-") : e->code) + " " + e->message)
           : Value(nullptr);
}
WP mk3e(std::string name, bool autoDestroy = true) {
  stream::Writable::Options o;
  o.autoDestroy = autoDestroy;
  o.write = [name](stream::Writable&, Buffer chunk, stream::Callback cb) {
    console::log(name, "_write", chunk.toString());
    if (chunk.toString() == "bad")
      cb(Error("bad chunk"));
    else
      setImmediate([cb = std::move(cb)]() mutable { cb({}); });
  };
  auto w = std::make_shared<stream::Writable>(o);
  for (std::string ev : {"prefinish", "finish", "close"})
    w->on(ev, [name, ev] { console::log(name, ev); });
  w->on("error", [name](const Error& e) { console::log(name, "error", show3e(e)); });
  return w;
}
void partD() {
  console::log("--- d (errored, autoDestroy false)");
  auto d = mk3e("d", false);
  d->write("bad", [](std::optional<Error> err) { console::log("d write cb", show3e(err)); });
  console::log("d errored", show3e(d->errored()), "destroyed", d->destroyed());
  d->end([](std::optional<Error> err) { console::log("d end cb", show3e(err)); });
  d->end("more", [](std::optional<Error> err) { console::log("d end(more) cb", show3e(err)); });
  console::log("d ended", d->writableEnded(), "writable", d->writable());
  setImmediate([d] {
    console::log("d later: destroyed", d->destroyed(), "finished", d->writableFinished());
  });
}
void partC() {
  console::log("--- c (destroyed)");
  auto c = mk3e("c");
  c->destroy();
  c->end([](std::optional<Error> err) { console::log("c end after destroy", show3e(err)); });
  console::log("c ended", c->writableEnded());
  c->on("close", [c] {
    c->end([](std::optional<Error> err) { console::log("c end after close", show3e(err)); });
    setImmediate(partD);
  });
}
void partB() {
  console::log("--- b (autoDestroy false)");
  auto b = mk3e("b", false);
  b->end("one");
  b->on("finish", [b] {
    b->end([](std::optional<Error> err) { console::log("b end after finish", show3e(err)); });
    b->end("two",
           [](std::optional<Error> err) { console::log("b end(two) after finish", show3e(err)); });
    console::log("b sync: destroyed", b->destroyed(), "errored", show3e(b->errored()));
    setImmediate([b] {
      console::log("b later: destroyed", b->destroyed(), "errored", show3e(b->errored()));
      partC();
    });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_end_twice) {
  auto a = mk3e("a");
  a->write("x");
  a->end([a](std::optional<Error> err) {
    console::log("a end cb 1", show3e(err), "finished", a->writableFinished());
  });
  a->end([](std::optional<Error> err) { console::log("a end cb 2", show3e(err)); });
  console::log("a ended", a->writableEnded(), "writable", a->writable(), "finished",
               a->writableFinished());
  a->on("finish", [a] {
    a->end([](std::optional<Error> err) { console::log("a end in finish", show3e(err)); });
    process::nextTick([] { console::log("a tick after finish"); });
  });
  a->on("close", [] { setImmediate(partB); });
}
