// Port of probe4_dgram_sockopts.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
// fn returns what the JS show() prints after "ok ".
template <class F>
void show(const std::string& what, F&& fn) {
  try {
    std::string r = fn();
    console::log(what + ": ok " + r);
  } catch (const Error& err) {
    console::log(what + ": " + err.name + " " + (err.code.empty() ? "undefined" : err.code) + " " +
                 (err.errnum ? std::to_string(*err.errnum) : "undefined") + " " +
                 (err.syscall.empty() ? "undefined" : err.syscall) + " " + err.message);
  }
}
std::string b(bool v) { return v ? "true" : "false"; }
std::string n(long long v) { return std::to_string(v); }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_dgram_sockopts) {
  dgram::SocketOptions opts;
  opts.type = "udp4";
  opts.recvBufferSize = 10000;
  opts.sendBufferSize = 20000;
  auto s = dgram::createSocket(opts);
  dgram::Socket* sp = s.get();
  show("unref before bind", [&] { return &s->unref() == sp ? "this" : "object"; });
  show("ref before bind", [&] { return &s->ref() == sp ? "this" : "object"; });
  show("setTTL", [&] { return n(s->setTTL(10)); });
  show("setMulticastTTL", [&] { return n(s->setMulticastTTL(10)); });
  show("setMulticastLoopback", [&] { return b(s->setMulticastLoopback(true)); });
  show("setMulticastInterface", [&] {
    s->setMulticastInterface("127.0.0.1");
    return "undefined";
  });
  show("setBroadcast", [&] {
    s->setBroadcast(true);
    return "undefined";
  });
  show("getSendBufferSize", [&] { return n(s->getSendBufferSize()); });
  show("getSendQueueSize", [&] { return n(s->getSendQueueSize()); });
  show("getSendQueueCount", [&] { return n(s->getSendQueueCount()); });

  auto u = dgram::createSocket("udp4");
  dgram::Socket* up = u.get();
  show("u dropMembership", [&] {
    u->dropMembership("224.0.0.114");
    return "undefined";
  });
  show("u getSendQueueCount", [&] { return n(u->getSendQueueCount()); });
  show("u address", [&] { return b(u->address().port > 0); });
  u->on("error", [up](const Error& err) {
    console::log("u error: " + err.code + " " + err.syscall + " " + err.address + " " +
                 (err.port ? n(*err.port) : "undefined") + " " + err.message);
    up->close([] { console::log("u closed"); });
  });
  u->bind(0, "127.0.0.1", [] { console::log("u bound (never)"); });

  s->on("listening", [sp] {
    auto* s = sp;
    console::log("listening");
    show("getRecvBufferSize", [&] { return n(s->getRecvBufferSize()); });
    show("getSendBufferSize", [&] { return n(s->getSendBufferSize()); });
    show("setTTL 0", [&] { return n(s->setTTL(0)); });
    show("setTTL 1", [&] { return n(s->setTTL(1)); });
    show("setTTL 255", [&] { return n(s->setTTL(255)); });
    show("setTTL 256", [&] { return n(s->setTTL(256)); });
    show("setMulticastTTL 0", [&] { return n(s->setMulticastTTL(0)); });
    show("setMulticastTTL 256", [&] { return n(s->setMulticastTTL(256)); });
    show("setMulticastLoopback false", [&] { return b(s->setMulticastLoopback(false)); });
    show("setMulticastInterface bad", [&] {
      s->setMulticastInterface("not-an-ip");
      return "undefined";
    });
    show("setMulticastInterface loopback", [&] {
      s->setMulticastInterface("127.0.0.1");
      return "undefined";
    });
    show("setSendBufferSize 2**32", [&] {
      s->setSendBufferSize(4294967296LL);
      return "undefined";
    });
    show("setRecvBufferSize 4096", [&] {
      s->setRecvBufferSize(4096);
      return "undefined";
    });
    show("getRecvBufferSize", [&] { return n(s->getRecvBufferSize()); });
    show("dropMembership not joined", [&] {
      s->dropMembership("224.0.0.114");
      return "undefined";
    });
    show("addMembership unicast", [&] {
      s->addMembership("127.0.0.1");
      return "undefined";
    });
    show("getSendQueueSize", [&] { return n(s->getSendQueueSize()); });
    show("getSendQueueCount", [&] { return n(s->getSendQueueCount()); });
    show("unref", [&] { return &s->unref().ref() == s ? "this" : "object"; });
    s->close([] { console::log("closed"); });
    show("getSendQueueCount after close", [&] { return n(s->getSendQueueCount()); });
    show("setTTL after close", [&] { return n(s->setTTL(1)); });
  });
  s->bind(0, "127.0.0.1");
}
