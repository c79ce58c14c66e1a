// Port of listeners.js. nodecc has no once wrapper objects: rawListeners() returns the
// listeners themselves and isOnceListener(event, i) says which are once listeners (what
// JS shows as `raw[i] !== listener && raw[i].listener === listener`).
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(listeners) {
  Listener listener = makeListener([] {});
  Listener listener2 = makeListener([] {});
  {
    EventEmitter ee;
    ee.on("foo", listener);
    auto fooListeners = ee.listeners("foo");
    ee.removeAllListeners("foo");
    console::log("after removeAllListeners", ee.listeners("foo").size(), "copy kept",
                 fooListeners.size());
  }
  {
    EventEmitter ee;
    ee.on("foo", listener);
    auto copy = ee.listeners("foo");
    copy.push_back(listener2);
    console::log("mutating the copy", ee.listeners("foo").size(), copy.size());
  }
  {
    EventEmitter ee;
    ee.on("foo", listener);
    auto copy = ee.listeners("foo");
    ee.on("foo", listener2);
    console::log("adding after the copy", ee.listeners("foo").size(), copy.size());
  }
  {
    EventEmitter ee;
    ee.once("foo", listener);
    console::log("once listener unwrapped", ee.listeners("foo")[0] == listener);
  }
  {
    EventEmitter ee;
    ee.on("foo", listener);
    ee.once("foo", listener2);
    auto l = ee.listeners("foo");
    console::log("mixed", l[0] == listener, l[1] == listener2);
  }
  {
    class TestStream : public EventEmitter {};
    TestStream s;
    console::log("subclass empty", s.listeners("foo").size());
  }
  {
    EventEmitter ee;
    ee.on("foo", listener);
    ee.once("foo", listener);
    auto raw = ee.rawListeners("foo");
    bool secondIsWrapper = ee.isOnceListener("foo", 1);
    console::log("raw", raw.size(), raw[0] == listener && !ee.isOnceListener("foo", 0),
                 !secondIsWrapper, raw[1] == listener);
    ee.emit("foo");
    console::log("after emit", ee.rawListeners("foo").size(), raw.size());
  }
  {
    EventEmitter ee;
    ee.on("a", listener);
    ee.on("b", listener);
    ee.on("a", listener2);
    auto names = ee.eventNames();
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ",") + n;
    console::log("eventNames", joined, "listenerCount a", ee.listenerCount("a"));
    console::log("getEventListeners", events::getEventListeners(ee, "a").size());
  }
}
