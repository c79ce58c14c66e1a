// Port of error_no_listener.js.
#include "conformance.h"

using namespace nodecc;

namespace {
std::shared_ptr<EventEmitter> ee;
}

NODECC_CONFORMANCE_CASE(error_no_listener) {
  ee = std::make_shared<EventEmitter>();
  process::on("exit", [](int code) { console::log("exit", code); });
  setTimeout(
      [] {
        console::log("emitting");
        Error err("connect ECONNREFUSED 127.0.0.1:1");
        err.code = "ECONNREFUSED";
        ee->emit("error", err);
        console::log("not reached");
      },
      1);
}
