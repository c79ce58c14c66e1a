#include <deque>

#include "conformance.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
using RP = std::shared_ptr<stream::Readable>;
RP mk3f(std::string name) {
  stream::Readable::Options o;
  o.read = [](stream::Readable&, std::size_t) {};
  auto r = std::make_shared<stream::Readable>(o);
  stream::Readable* raw = r.get();
  r->on("pause",
        [name, raw] { console::log(name, "pause event, flowing", raw->readableFlowing()); });
  r->on("resume",
        [name, raw] { console::log(name, "resume event, flowing", raw->readableFlowing()); });
  return r;
}
std::string f3f(const RP& r) {
  auto fl = r->readableFlowing();
  return std::string(fl ? (*fl ? "true" : "false") : "null") + " paused " +
         (r->isPaused() ? "true" : "false");
}
std::deque<std::function<void()>>& steps() {
  static std::deque<std::function<void()>> s;
  return s;
}
void next3f() {
  if (steps().empty()) return;
  auto s = std::move(steps().front());
  steps().pop_front();
  setImmediate(std::move(s));
}
Value str3f(const std::optional<Buffer>& b) { return b ? Value(b->toString()) : Value("null"); }
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_flowing_transitions) {
  auto a = mk3f("a");
  Listener onData = makeListener([](const Buffer& d) { console::log("a data", d.toString()); });
  steps().push_back([a, onData] {
    console::log("a fresh", f3f(a));
    a->pause();
    console::log("a after pause", f3f(a));
    a->on("data", onData);
    console::log("a after on(data)", f3f(a));
    a->push("1");
    process::nextTick([a] {
      console::log("a tick", f3f(a), "length", a->readableLength());
      a->resume();
      console::log("a resume()", f3f(a));
    });
    next3f();
  });
  steps().push_back([a] {
    Listener onR = makeListener([a] { console::log("a readable, read", str3f(a->read())); });
    a->on("readable", onR);
    console::log("a on(readable)", f3f(a));
    a->push("2");
    setImmediate([a, onR] {
      a->removeListener("readable", onR);
      console::log("a removed readable", f3f(a));
      process::nextTick([a] {
        console::log("a tick after remove", f3f(a));
        a->push("3");
      });
      next3f();
    });
  });
  steps().push_back([a, onData] {
    a->removeListener("data", onData);
    console::log("a removed data", f3f(a));
    a->push("4");
    setImmediate([a] {
      console::log("a after push 4 length", a->readableLength(), f3f(a));
      next3f();
    });
  });
  steps().push_back([] {
    auto b = mk3f("b");
    b->on("data", [](const Buffer& d) { console::log("b data", d.toString()); });
    b->pause();
    b->removeAllListeners("data");
    console::log("b removeAll(data)", f3f(b), "count", b->listenerCount("data"));
    Listener onR = makeListener([] {});
    b->on("readable", onR);
    b->removeListener("readable", onR);
    b->push("x");
    process::nextTick([b] { console::log("b tick", f3f(b)); });
    setImmediate([b] {
      console::log("b later", f3f(b), "length", b->readableLength());
      next3f();
    });
  });
  steps().push_back([] {
    auto c = mk3f("c");
    c->on("data", [](const Buffer& d) { console::log("c data", d.toString()); });
    c->pause();
    c->push("y");
    c->removeAllListeners("readable");
    console::log("c removeAll(readable)", f3f(c));
    process::nextTick([c] { console::log("c tick", f3f(c)); });
    setImmediate([c] {
      console::log("c later", f3f(c), "length", c->readableLength());
      next3f();
    });
  });
  steps().push_back([] {
    auto d = mk3f("d");
    d->on("data", [](const Buffer& x) { console::log("d data (never)", x.toString()); });
    d->pause();
    d->removeAllListeners();
    console::log("d removeAll()", f3f(d));
    d->push("z");
    process::nextTick([d] { console::log("d tick", f3f(d)); });
    setImmediate([d] { console::log("d later", f3f(d), "length", d->readableLength()); });
  });
  next3f();
}
