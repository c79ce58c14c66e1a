// Port of errors.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(errors) {
  EventEmitter EE;
  auto report = [](const Error& e) { console::log(e.name, e.code, "|", e.message); };
  try {
    EE.emit("error", "Accepts a string");
  } catch (const Error& e) {
    report(e);
  }
  try {
    EE.emit("error", 42);
  } catch (const Error& e) {
    report(e);
  }
  try {
    EE.emit("error", undefined);
  } catch (const Error& e) {
    report(e);
  }
  try {
    EE.emit("error");
  } catch (const Error& e) {
    console::log("no argument:", e.code, "|", e.message);
  }
  Error err("real error");
  try {
    EE.emit("error", err);
  } catch (const Error& e) {
    console::log("same error thrown", e.message == err.message && e.code == err.code, e.message);
  }
  EE.on("error", [](const Error& e) { console::log("handled", e.message); });
  console::log("emit returns", EE.emit("error", Error("now handled")));
  console::log("emit without listeners returns", EE.emit("nothing"));
}
