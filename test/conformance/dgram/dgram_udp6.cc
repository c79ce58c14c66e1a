// Port of dgram_udp6.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_udp6) {
  auto r = dgram::createSocket("udp6");
  r->bind(0, "::1", [r] {
    auto a = r->address();
    console::log("bound " + a.address + " " + a.family);
    auto s = dgram::createSocket({.type = "udp6", .ipv6Only = true});
    s->send("to default", a.port, [](std::optional<Error> err) {
      console::log("default-address send " + std::string(err ? err->toString() : "null"));
    });
    r->on("message", [r, s](Buffer msg, dgram::RemoteInfo rinfo) {
      console::log("got " + msg.toString() + " from " + rinfo.address + " " + rinfo.family +
                   " size " + std::to_string(rinfo.size));
      s->close();
      r->close();
    });
  });
}
