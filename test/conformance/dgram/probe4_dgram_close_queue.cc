// Port of probe4_dgram_close_queue.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string str(const std::optional<Error>& e) { return e ? e->toString() : "null"; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_dgram_close_queue) {
  process::on("uncaughtException", [](const Error& err) {
    console::log("uncaught: " + err.name + " " + err.code + " " + err.message);
  });

  auto receiver = dgram::createSocket("udp4");
  dgram::Socket* r = receiver.get();
  receiver->bind(0, "127.0.0.1", [r] {
    int port = r->address().port;
    r->on("message",
          [](Buffer msg) { console::log("receiver got " + msg.toString() + " (never)"); });
    setTimeout([r] { r->close([] { console::log("receiver closed"); }); }, 100);

    auto a = dgram::createSocket("udp4");
    a->on("listening", [] { console::log("a listening"); });
    a->on("close", [] { console::log("a close event"); });
    a->send("a1", port, "127.0.0.1", [](std::optional<Error> err, std::size_t n) {
      console::log("a1 callback " + str(err) + " " + std::to_string(n));
    });
    a->close([] { console::log("a close callback 1"); });
    a->close([] { console::log("a close callback 2"); });
    a->send("a2", port, "127.0.0.1", [](std::optional<Error> err, std::size_t n) {
      console::log("a2 callback " + str(err) + " " + std::to_string(n));
    });
    console::log("a listeners close=" + std::to_string(a->listenerCount("close")));

    auto b = dgram::createSocket("udp4");
    b->on("listening", [] { console::log("b listening (never)"); });
    b->bind(0, "127.0.0.1", [] { console::log("b bind callback (never)"); });
    b->close([] { console::log("b close callback"); });
    try {
      b->send("b", port, "127.0.0.1");
    } catch (const Error& err) {
      console::log("b send: " + err.code);
    }

    auto c = dgram::createSocket("udp4");
    c->connect(port, "127.0.0.1", [] { console::log("c connect callback (never)"); });
    c->on("listening", [] { console::log("c listening"); });
    c->close([] { console::log("c close callback"); });
    process::nextTick([] { console::log("tick"); });
    setImmediate([] { console::log("immediate"); });
  });
}
