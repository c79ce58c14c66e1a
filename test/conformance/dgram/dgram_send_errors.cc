// Port of dgram_send_errors.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(dgram_send_errors) {
  auto s = dgram::createSocket("udp4");
  s->bind(0, "127.0.0.1", [s] {
    int port = s->address().port;
    Buffer big = Buffer::alloc(70000);
    s->send(big, port, "127.0.0.1", [port](std::optional<Error> err, std::size_t) {
      console::log("big: " + err->code + " " + std::to_string(*err->errnum) + " " + err->syscall +
                   " " + err->address + " " + (err->port == port ? "true" : "false") +
                   " undefined");
      console::log("message: " + replaceAll(err->message, std::to_string(port), "PORT"));
    });
    s->send(big, port, "127.0.0.1");
    s->send("x", port, "::1", [port](std::optional<Error> err) {
      console::log("ipv6 on udp4: " + err->code + " " +
                   replaceAll(err->message, std::to_string(port), "PORT"));
    });
    s->send("x", port, "nosuch.invalid", [s, port](std::optional<Error> err) {
      console::log("bad host callback: " + err->message);
      s->once("error", [s, port](const Error& err) {
        console::log("error event: " + err.code + " " + err.message);
        s->send("ok", port, [](std::optional<Error> err, std::size_t bytes) {
          console::log("ok: " + std::string(err ? err->toString() : "null") + " " +
                       std::to_string(bytes));
        });
      });
      s->send("x", port, "nosuch.invalid");
    });
    s->on("message", [s](Buffer msg) {
      console::log("received " + msg.toString());
      setTimeout([s] { s->close(); }, 50);
    });
  });
}
