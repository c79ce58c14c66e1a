// Port of remove_listeners.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(remove_listeners) {
  Listener listener1 = makeListener([] { console::log("listener1"); });
  Listener listener2 = makeListener([] { console::log("listener2"); });
  {
    EventEmitter ee;
    ee.on("hello", listener1);
    ee.on("removeListener", [listener1](const std::string& name, const Listener& cb) {
      console::log("removeListener", name, cb == listener1);
    });
    ee.removeListener("hello", listener1);
    console::log("left", ee.listeners("hello").size());
  }
  {
    EventEmitter ee;
    ee.on("hello", listener1);
    ee.on("removeListener", [] { console::log("removeListener (should not run)"); });
    ee.removeListener("hello", listener2);
    console::log("unknown listener: still", ee.listeners("hello").size());
  }
  {
    EventEmitter ee;
    ee.on("hello", listener1);
    ee.on("hello", listener2);
    ee.once("removeListener", [&ee, listener1](const std::string& name, const Listener& cb) {
      console::log("removed first", name, cb == listener1, "left", ee.listeners("hello").size());
    });
    ee.removeListener("hello", listener1);
    ee.once("removeListener", [&ee, listener2](const std::string& name, const Listener& cb) {
      console::log("removed second", name, cb == listener2, "left", ee.listeners("hello").size());
    });
    ee.removeListener("hello", listener2);
  }
  {
    EventEmitter ee;
    Listener remove1 = makeListener([] { console::log("remove1 (should not run)"); });
    Listener remove2 = makeListener([] { console::log("remove2 (should not run)"); });
    int calls = 0;
    ee.on("removeListener", [&](const std::string&, const Listener& cb) {
      calls++;
      if (cb != remove1) return;
      ee.removeListener("quux", remove2);
      ee.emit("quux");
    });
    ee.on("quux", remove1);
    ee.on("quux", remove2);
    ee.removeListener("quux", remove1);
    console::log("removeListener calls", calls);
  }
  {
    EventEmitter ee;
    int n3 = 0;
    int n4 = 0;
    Listener listener4 = makeListener([&n4] { n4++; });
    Listener listener3 = makeListener([&] {
      n3++;
      ee.removeListener("hello", listener4);
    });
    ee.on("hello", listener3);
    ee.on("hello", listener4);
    ee.emit("hello");  // listener4 still runs: the emit uses the array as it was
    ee.emit("hello");
    console::log("snapshot", n3, n4);
  }
  {
    EventEmitter ee;
    ee.once("hello", listener1);
    ee.on("removeListener", [listener1](const std::string& name, const Listener& cb) {
      console::log("once removal", name, cb == listener1);
    });
    ee.emit("hello");
  }
  {
    EventEmitter ee;
    console::log("removing from an empty emitter returns it",
                 &ee.removeListener("foo", listener1) == &ee);
  }
}
