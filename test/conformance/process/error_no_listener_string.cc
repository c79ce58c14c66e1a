// Port of error_no_listener_string.js.
#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(error_no_listener_string) {
  auto ee = std::make_shared<EventEmitter>();
  process::on("exit", [](int code) { console::log("exit", code); });
  ee->emit("error", "just a string");
}
