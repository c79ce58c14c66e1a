// Port of warning_event.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(warning_event) {
  process::on("warning", [](const Error& w) {
    console::log("warning event", w.name, w.code.empty() ? "undefined" : w.code, w.message);
  });
  process::emitWarning("something odd");
  process::emitWarning("custom type", "CustomWarning", "CODE1");
  console::log("emitted synchronously? no");
}
