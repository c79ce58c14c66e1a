// Port of dgram_implicit_bind.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string str(const std::optional<Error>& e) { return e ? e->toString() : "null"; }
}  // namespace

NODECC_CONFORMANCE_CASE(dgram_implicit_bind) {
  auto receiver = dgram::createSocket("udp4");
  receiver->bind(0, [receiver] {
    int port = receiver->address().port;
    auto sender = dgram::createSocket("udp4");
    sender->on("listening",
               [sender] { console::log("sender listening on " + sender->address().address); });
    for (int i = 0; i < 3; i++) {
      sender->send("m" + std::to_string(i), port, [i](std::optional<Error> err, std::size_t n) {
        console::log("callback " + std::to_string(i) + " " + str(err) + " " + std::to_string(n));
      });
    }
    sender->send(Buffer::from("hello world"), 6, 5, port, "127.0.0.1",
                 [](std::optional<Error> err, std::size_t n) {
                   console::log("sliced callback " + str(err) + " " + std::to_string(n));
                 });
    sender->send(std::vector<Buffer>{}, port, [](std::optional<Error> err, std::size_t n) {
      console::log("empty list callback " + str(err) + " " + std::to_string(n));
    });
    console::log("queued");
    auto got = std::make_shared<int>(0);
    receiver->on("message", [=](Buffer msg, dgram::RemoteInfo rinfo) {
      console::log("got '" + msg.toString() + "' size " + std::to_string(rinfo.size));
      if (++*got == 5) {
        sender->close();
        auto early = dgram::createSocket("udp4");
        early->send("lost", port,
                    [](std::optional<Error> err) { console::log("lost callback " + str(err)); });
        early->close([=] {
          console::log("early closed");
          setTimeout(
              [=] {
                console::log("received after early close: " + std::to_string(*got - 5));
                receiver->close();
              },
              100);
        });
      }
    });
  });
}
