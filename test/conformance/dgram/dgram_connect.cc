// Port of dgram_connect.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
template <class F>
void show(const std::string& what, F&& fn) {
  try {
    fn();
    console::log(what + ": ok ");
  } catch (const Error& err) {
    console::log(what + ": " + err.name + " " + err.code + " " + err.message);
  }
}
std::string str(const std::optional<Error>& e) { return e ? e->toString() : "null"; }
}  // namespace

NODECC_CONFORMANCE_CASE(dgram_connect) {
  auto server = dgram::createSocket("udp4");
  server->bind(0, "127.0.0.1", [server] {
    int port = server->address().port;
    auto client = dgram::createSocket("udp4");
    show("remoteAddress before connect", [&] { client->remoteAddress(); });
    show("disconnect before connect", [&] { client->disconnect(); });
    show("connect port 0", [&] { client->connect(0); });
    client->on("listening", [] { console::log("client listening"); });
    client->connect(port, "127.0.0.1", [client, port] {
      console::log("connect callback");
      auto ra = client->remoteAddress();
      console::log("remote " + ra.address + " " + ra.family + " " +
                   (ra.port == port ? "true" : "false"));
      show("connect again", [&] { client->connect(port); });
      show("send with offset/length/port", [&] { client->send("abc", 0, 1, port); });
      client->send("whole", [](std::optional<Error> err, std::size_t n) {
        console::log("connected send callback " + str(err) + " " + std::to_string(n));
      });
      client->send("sliced!", 0, 6, [](std::optional<Error> err, std::size_t n) {
        console::log("sliced send callback " + str(err) + " " + std::to_string(n));
      });
      client->send(std::vector<Buffer>{Buffer::from("li"), Buffer::from("st")},
                   [](std::optional<Error> err, std::size_t n) {
                     console::log("list send callback " + str(err) + " " + std::to_string(n));
                   });
    });
    client->on("connect", [] { console::log("connect event"); });
    show("connect while connecting", [&] { client->connect(port); });
    auto got = std::make_shared<int>(0);
    server->on("message", [server, client, got](Buffer msg) {
      console::log("server got " + msg.toString());
      if (++*got == 3) {
        client->disconnect();
        console::log("disconnected");
        show("remoteAddress after disconnect", [&] { client->remoteAddress(); });
        show("disconnect twice", [&] { client->disconnect(); });
        show("send without port after disconnect", [&] { client->send("x"); });
        client->close();
        server->close();
      }
    });
  });
}
