// Port of add_listeners.js. JS function identity is Listener identity (makeListener).
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(add_listeners) {
  {
    auto ee = std::make_shared<EventEmitter>();
    auto names = std::make_shared<std::vector<std::string>>();
    auto listeners = std::make_shared<std::vector<Listener>>();
    ee->on("newListener", [names, listeners](const std::string& event, const Listener& listener) {
      if (event == "newListener") return;
      names->push_back(event);
      listeners->push_back(listener);
    });
    Listener hello = makeListener(
        [](const std::string& a, const std::string& b) { console::log("hello", a, b); });
    ee->once("newListener",
             [ee = ee.get(), hello](const std::string& name, const Listener& listener) {
               console::log("once newListener", name, listener == hello, "listeners so far",
                            ee->listeners("hello").size());
             });
    Listener foo = makeListener([] { console::log("foo (should not run)"); });
    ee->on("hello", hello);
    ee->once("foo", foo);
    console::log("newListener events", (*names)[0] + "," + (*names)[1], (*listeners)[0] == hello,
                 (*listeners)[1] == foo);
    ee->emit("hello", "a", "b");
    ee->removeAllListeners();  // the lambdas above capture ee's listeners; break the cycle
  }
  {
    EventEmitter f;
    f.setMaxListeners(0);
    console::log("setMaxListeners(0) ok", f.getMaxListeners());
  }
  {
    Listener listen1 = makeListener([] {});
    Listener listen2 = makeListener([] {});
    EventEmitter ee;
    ee.once("newListener", [&ee, listen2] {
      console::log("inner sees", ee.listeners("hello").size());
      ee.once("newListener",
              [&ee] { console::log("innermost sees", ee.listeners("hello").size()); });
      ee.on("hello", listen2);
    });
    ee.on("hello", listen1);
    auto l = ee.listeners("hello");
    console::log("order is listen2, listen1:", l[0] == listen2 && l[1] == listen1, l.size());
  }
}
