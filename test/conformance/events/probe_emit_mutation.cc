// Port of probe_emit_mutation.js.
#include <functional>
#include <map>

#include "conformance.h"

using namespace nodecc;

namespace {
std::map<const detail::ListenerImpl*, std::string> names;

std::string shape(EventEmitter& ee, std::string_view n) {
  std::vector<Listener> raw = ee.rawListeners(n);
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i) out += ",";
    out += (ee.isOnceListener(n, i) ? "once:" : "") + names[raw[i].get()];
  }
  return out;
}

Listener fn(std::string name, std::function<void()> body) {
  Listener f = makeListener([name, body] {
    console::log(" ", name);
    body();
  });
  names[f.get()] = name;
  return f;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_emit_mutation) {
  {
    EventEmitter ee;
    Listener c = fn("c", [] {});
    ee.on("x", fn("a", [&] { ee.on("x", c); }));
    ee.on("x", fn("b", [&] { console::log("  count in b", ee.listenerCount("x")); }));
    bool r = ee.emit("x");
    console::log("emit 1", r, shape(ee, "x"));
    r = ee.emit("x");
    console::log("emit 2", r, shape(ee, "x"));
  }
  {
    EventEmitter ee;
    ee.on("x", fn("a", [&] { ee.removeAllListeners("x"); }));
    ee.on("x",
          fn("b", [&] { console::log("  count in b", ee.listenerCount("x"), ee.eventNames()); }));
    bool r = ee.emit("x");
    console::log("emit 1", r);
    r = ee.emit("x");
    console::log("emit 2", r);
  }
  {
    EventEmitter ee;
    Listener o = fn("o", [] {});
    ee.on("x", fn("a", [&] {
            ee.off("x", o);
            console::log("  after off", shape(ee, "x"));
          }));
    ee.once("x", o);
    bool r = ee.emit("x");
    console::log("emit 1", r, shape(ee, "x"));
    r = ee.emit("x");
    console::log("emit 2", r, shape(ee, "x"));
  }
  {
    EventEmitter ee;
    Listener a = makeListener([&](int depth) {
      console::log(" ", "a", depth);
      if (depth == 0) {
        bool inner = ee.emit("x", 1);
        console::log("  inner emit", inner);
      }
    });
    names[a.get()] = "a";
    ee.on("x", a);
    Listener o = makeListener([&](int depth) {
      console::log(" ", "o", depth);
      console::log("  shape in o", shape(ee, "x"));
    });
    names[o.get()] = "o";
    ee.once("x", o);
    bool r = ee.emit("x", 0);
    console::log("emit 1", r, shape(ee, "x"));
    r = ee.emit("x", 0);
    console::log("emit 2", r, shape(ee, "x"));
  }
  {
    EventEmitter ee;
    Listener f = fn("f", [&] { console::log("  shape in f", shape(ee, "x")); });
    ee.once("x", f);
    ee.on("x", f);
    ee.once("x", f);
    console::log("before", shape(ee, "x"));
    bool r = ee.emit("x");
    console::log("emit 1", r, shape(ee, "x"));
  }
}
