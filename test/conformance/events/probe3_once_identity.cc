// Port of probe3_once_identity.js.
#include "conformance.h"

using namespace nodecc;

namespace {
Listener f, g;
const char* name(const Listener& l) { return l == f ? "f" : l == g ? "g" : "other"; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_once_identity) {
  f = makeListener([] { console::log("  f runs"); });
  g = makeListener([] { console::log("  g runs"); });
  {
    EventEmitter ee;
    ee.on("removeListener", [](const std::string& n, const Listener& l) {
      console::log("removeListener", n, name(l));
    });
    ee.once("x", f);
    ee.on("x", g);
    ee.emit("x");
    ee.once("y", f);
    ee.emit("y");
    ee.once("z", f);
    ee.on("z", g);
    ee.removeListener("z", f);
    ee.prependOnceListener("w", f);
    ee.prependOnceListener("w", g);
    ee.emit("w");
    console::log("w left", ee.listenerCount("w"));
  }
  {
    EventEmitter ee;
    ee.on("a", f);
    ee.once("a", f);
    ee.off("a", f);
    console::log("after off: a", ee.listenerCount("a"));
    ee.emit("a");
    ee.emit("a");
    ee.once("b", f);
    ee.on("b", f);
    ee.off("b", f);
    ee.emit("b");
    console::log("b left", ee.listenerCount("b"));
  }
  {
    EventEmitter ee;
    ee.once("t", [] { throw Error("once threw"); });
    ee.on("t", g);
    try {
      ee.emit("t");
    } catch (const Error& e) {
      console::log("caught", e.message, "t left", ee.listenerCount("t"));
    }
    ee.emit("t");
    ee.once("error", [](const Error& e) { console::log("once error handler", e.message); });
    console::log("first error handled", ee.emit("error", Error("e1")));
    try {
      ee.emit("error", Error("e2"));
    } catch (const Error& e) {
      console::log("second error thrown", e.message);
    }
  }
  {
    auto ee = std::make_shared<EventEmitter>();
    EventEmitter* raw = ee.get();
    ee->on("s", [raw] {
      console::log("  s1: removeAllListeners");
      raw->removeAllListeners("s");
      raw->prependOnceListener("s", [] { console::log("  prepended once"); });
    });
    ee->on("s", [] { console::log("  s2 still runs"); });
    ee->emit("s");
    console::log("s count", ee->listenerCount("s"));
    ee->emit("s");
    bool r = ee->emit("s");
    console::log("s count", ee->listenerCount("s"), "emit on empty", r);
  }
  f.reset();
  g.reset();
}
