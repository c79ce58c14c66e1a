// Port of remove_all_listeners.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(remove_all_listeners) {
  EventEmitter ee;
  Listener a = makeListener([] {});
  Listener b = makeListener([] {});
  Listener c = makeListener([] {});
  ee.on("x", a);
  ee.on("x", b);
  ee.on("y", c);
  ee.on("removeListener", [a, b, c](const std::string& name, const Listener& fn) {
    console::log("removed", name, fn == a ? "a" : fn == b ? "b" : fn == c ? "c" : "other");
  });
  ee.removeAllListeners("x");
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
  };
  console::log("names after x", join(ee.eventNames()));
  ee.on("x", a);
  ee.removeAllListeners();
  console::log("names after all", ee.eventNames().empty() ? "[]" : join(ee.eventNames()));
  console::log("returns this", &ee.removeAllListeners("nothing") == &ee);
}
