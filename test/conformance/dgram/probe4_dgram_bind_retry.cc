// Port of probe4_dgram_bind_retry.js.
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
    console::log(what + ": " + err.name + " " + err.code + " " + err.message);
  }
}
std::string str(const std::optional<Error>& e) { return e ? e->toString() : "null"; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_dgram_bind_retry) {
  auto s = dgram::createSocket("udp4");
  dgram::Socket* sp = s.get();
  s->on("listening", [] { console::log("listening listener"); });
  s->on("error", [sp](const Error& err) {
    console::log("error: " + err.code + " " + err.syscall + " " + err.address + " " +
                 (err.port ? std::to_string(*err.port) : "undefined") + " " + err.message);
    console::log("listeners: listening=" + std::to_string(sp->listenerCount("listening")) +
                 " error=" + std::to_string(sp->listenerCount("error")));
    show("address after failed bind", [&] { sp->address(); });
    process::nextTick([sp] {
      dgram::BindOptions o;
      o.port = 0;
      o.address = "localhost";
      sp->bind(o, [sp] {
        auto a = sp->address();
        console::log("rebound " + a.address + " " + a.family + " " +
                     (a.port > 0 ? "true" : "false"));
        show("bind again", [&] { sp->bind(0); });
        sp->send("after", a.port, "localhost", [](std::optional<Error> err, std::size_t n) {
          console::log("send after rebind " + str(err) + " " + std::to_string(n));
        });
      });
    });
  });
  s->bind(7, "192.0.2.1", [] { console::log("bind callback (never)"); });
  console::log("listeners after bind: listening=" + std::to_string(s->listenerCount("listening")) +
               " error=" + std::to_string(s->listenerCount("error")));
  s->send("queued", 9, "127.0.0.1", [](std::optional<Error> err) {
    console::log("queued send callback (never) " + str(err));
  });
  show("bind while binding", [&] { s->bind(0); });
  s->on("message", [sp](Buffer msg, dgram::RemoteInfo rinfo) {
    console::log("message " + msg.toString() + " " + std::to_string(rinfo.size));
    sp->close([] { console::log("close callback"); });
    show("close twice", [&] { sp->close(); });
    show("send after close", [&] { sp->send("x", 9); });
    sp->on("close", [sp] {
      console::log("close listener");
      show("address after close", [&] { sp->address(); });
      show("ref after close", [&] { sp->ref(); });
    });
  });
}
