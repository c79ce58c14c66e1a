// Port of probe_new_remove_events.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::string names(const EventEmitter& ee) {
  std::string out;
  for (const std::string& n : ee.eventNames()) out += (out.empty() ? "" : ",") + n;
  return out;
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_new_remove_events) {
  Listener p = makeListener([] { console::log("  p runs"); });
  Listener q = makeListener([] { console::log("  q runs"); });
  {
    EventEmitter ee;
    ee.on("newListener", [&](const std::string& ev, const Listener& l) {
      console::log("newListener", ev,
                   l == p   ? "p"
                   : l == q ? "q"
                            : "?",
                   "count before", ee.listenerCount(ev));
      if (ev == "x" && l == p) ee.on("x", q);
    });
    ee.on("x", [] { console::log("  first runs"); });
    ee.prependListener("x", p);
    ee.prependOnceListener("y", q);
    console::log("x count", ee.listenerCount("x"));
    ee.emit("x");
    console::log("names", names(ee));
  }
  {
    EventEmitter ee;
    Listener r1, r2;
    r1 = makeListener([&](const std::string& ev, const Listener& l) {
      console::log("r1 saw", ev, l == r2 ? "r2" : l == r1 ? "r1" : "other");
    });
    r2 = makeListener([](const std::string& ev) { console::log("r2 saw", ev); });
    ee.on("removeListener", r1);
    ee.on("removeListener", r2);
    ee.removeAllListeners("removeListener");
    console::log("left", ee.listenerCount("removeListener"), names(ee));
  }
  {
    EventEmitter ee;
    bool added = false;
    ee.on("x", p);
    ee.on("x", q);
    ee.on("removeListener", [&](const std::string& ev, const Listener& l) {
      console::log("removed", ev, l == p ? "p" : l == q ? "q" : "other");
      if (!added) {
        added = true;
        ee.on("x", [] {});
        ee.on("z", [] {});
      }
    });
    ee.removeAllListeners("x");
    console::log("after removeAllListeners(x): x", ee.listenerCount("x"), "names", names(ee));
    ee.removeAllListeners();
    console::log("after removeAllListeners(): names", Value(names(ee)).stringify());
  }
  {
    EventEmitter ee;
    for (std::string_view n :
         {std::string_view("b"), std::string_view("2"), events::errorMonitor,
          std::string_view("error"), std::string_view("1"), std::string_view("a")})
      ee.on(n, [] {});
    console::log("eventNames", names(ee));
    ee.removeAllListeners("2");
    ee.on("2", [] {});
    console::log("after re-adding 2", names(ee));
  }
}
