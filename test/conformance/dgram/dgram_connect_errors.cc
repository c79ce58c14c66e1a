// Port of dgram_connect_errors.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_connect_errors) {
  auto a = dgram::createSocket("udp4");
  a->connect(9, "nosuch.invalid", [a](std::optional<Error> err) {
    console::log("callback: " + err->code + " " + err->syscall + " " + err->message);
    console::log("listeners for connect: " + std::to_string(a->listenerCount("connect")));
    a->close();

    auto b = dgram::createSocket("udp4");
    b->on("error", [b](const Error& err) {
      console::log("error event: " + err.code + " " + err.message);
      b->close();

      auto c = dgram::createSocket("udp6");
      c->connect(9, "127.0.0.1", [c](std::optional<Error> err) {
        console::log("udp6 to IPv4 literal: " +
                     (err ? err->code + " " + err->message : std::string("connected")));
        c->close();
      });
    });
    b->connect(9, "nosuch.invalid");
  });
}
