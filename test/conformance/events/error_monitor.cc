// Port of error_monitor.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(error_monitor) {
  EventEmitter ee;
  ee.on(events::errorMonitor, [](const Error& err) { console::log("monitor", err.message); });
  ee.on("error", [](const Error& err) { console::log("handler", err.message); });
  ee.emit("error", Error("one"));
  EventEmitter ee2;
  ee2.on(events::errorMonitor, [](const Error& err) { console::log("monitor only", err.message); });
  try {
    ee2.emit("error", Error("two"));
  } catch (const Error& e) {
    console::log("still thrown", e.message);
  }
  console::log("error listener count", ee2.listenerCount("error"));
}
