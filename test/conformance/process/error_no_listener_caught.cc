// Port of error_no_listener_caught.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::shared_ptr<EventEmitter> ee;
}

NODECC_CONFORMANCE_CASE(error_no_listener_caught) {
  ee = std::make_shared<EventEmitter>();
  process::on("uncaughtException", [](const Error& err) {
    console::log("caught", err.message, err.code.empty() ? "undefined" : err.code);
  });
  setTimeout([] { ee->emit("error", Error("boom")); }, 1);
  setTimeout([] { console::log("later timer still runs"); }, 5);
}
