// Port of dgram_membership.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
template <class F>
void show(const std::string& what, F&& fn) {
  try {
    fn();
    console::log(what + ": ok");
  } catch (const Error& err) {
    console::log(what + ": " + err.name + " " + err.code + " " +
                 (err.errnum ? std::to_string(*err.errnum) : "undefined") + " " +
                 (err.syscall.empty() ? "undefined" : err.syscall) + " " + err.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(dgram_membership) {
  auto s = dgram::createSocket({.type = "udp4", .reuseAddr = true});
  s->bind(0, [s] {
    show("join non-multicast", [&] { s->addMembership("127.0.0.1"); });
    show("join not an address", [&] { s->addMembership("foo"); });
    show("join IPv6 group on udp4", [&] { s->addMembership("ff02::1"); });
    show("drop never joined", [&] { s->dropMembership("224.0.0.114"); });
    show("join", [&] { s->addMembership("224.0.0.114"); });
    show("join twice", [&] { s->addMembership("224.0.0.114"); });
    show("join on 127.0.0.1", [&] { s->addMembership("224.0.0.115", "127.0.0.1"); });
    show("drop", [&] { s->dropMembership("224.0.0.114"); });
    show("drop on 127.0.0.1", [&] { s->dropMembership("224.0.0.115", "127.0.0.1"); });
    show("drop empty", [&] { s->dropMembership(""); });
    show("source-specific join", [&] { s->addSourceSpecificMembership("127.0.0.1", "232.1.1.1"); });
    show("source-specific drop",
         [&] { s->dropSourceSpecificMembership("127.0.0.1", "232.1.1.1"); });
    show("source-specific bad group",
         [&] { s->addSourceSpecificMembership("127.0.0.1", "1.2.3.4"); });
    show("multicast interface", [&] { s->setMulticastInterface("127.0.0.1"); });
    show("multicast interface bad", [&] { s->setMulticastInterface("foo"); });
    s->close();
  });
}
