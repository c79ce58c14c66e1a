// Port of dgram_unhandled_error.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_unhandled_error) {
  auto s = dgram::createSocket("udp4");
  process::on("exit", [](int code) { console::log("exit " + std::to_string(code)); });
  s->bind(0, "nosuch.invalid");
}
