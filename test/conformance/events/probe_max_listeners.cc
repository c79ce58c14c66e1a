// Port of probe_max_listeners.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::shared_ptr<EventEmitter> ee, other;
}  // namespace

NODECC_CONFORMANCE_CASE(probe_max_listeners) {
  process::on("warning", [](const Error& w) {
    console::log("warning", w.name, w.info["type"].toString(), w.info["count"], "|", w.message);
  });
  ee = std::make_shared<EventEmitter>();
  other = std::make_shared<EventEmitter>();
  console::log("default", EventEmitter::defaultMaxListeners.load(), ee->getMaxListeners());
  EventEmitter::defaultMaxListeners = 2;
  console::log("after changing default", ee->getMaxListeners(), other->getMaxListeners());
  other->setMaxListeners(5);
  EventEmitter::defaultMaxListeners = 10;
  console::log("own limit kept", other->getMaxListeners(), "default followed",
               ee->getMaxListeners());
  try {
    ee->setMaxListeners(-1);
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
  bool same = &ee->setMaxListeners(1) == ee.get();
  console::log("setMaxListeners returns this", same, ee->getMaxListeners());
  Listener a = makeListener([] {});
  Listener b = makeListener([] {});
  ee->on("x", a);
  ee->on("x", b);   // 2 > 1: warning
  ee->off("x", b);  // back to a single listener
  ee->on("x", b);   // 2 > 1 again
  ee->prependOnceListener("x", [] {});
  ee->on(events::errorMonitor, [](const Value&) {});
  ee->on(events::errorMonitor, [](const Value& err) { console::log("monitor saw", err); });
  console::log("listeners added", ee->listenerCount("x"));
  try {
    ee->emit("error", Value(Object{{"code", 42}, {"msg", "not an Error"}}));
  } catch (const Error& e) {
    console::log(e.name, e.code, "|", e.message);
  }
  ee->on("error", [](const Value& err) { console::log("handler saw", err); });
  bool r = ee->emit("error", Value("str"));
  console::log("emit returns", r);
  console::log("error listeners", ee->listenerCount("error"), "monitor listeners",
               ee->listenerCount(events::errorMonitor));
}
