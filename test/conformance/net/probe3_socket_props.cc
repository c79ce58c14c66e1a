// Port of probe3_socket_props.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

namespace {
// JSON.stringify(socket.address()): "{}" when Node returns an empty object.
std::string show(const net::AddressInfo& a) {
  if (a.address.empty() && a.family.empty() && a.port == 0) return "{}";
  return "{\"address\":\"" + a.address + "\",\"family\":\"" + a.family +
         "\",\"port\":" + std::to_string(a.port) + "}";
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_socket_props) {
  auto s = std::make_shared<net::Socket>();
  console::log("new: address", show(s->address()), "remote", s->remoteAddress(), s->remotePort(),
               s->remoteFamily(), "local", s->localAddress(), s->localPort(), "timeout",
               s->timeout());
  bool k = &s->setKeepAlive(true, 1000) == s.get();
  bool n1 = &s->setNoDelay() == s.get();
  bool n2 = &s->setNoDelay(false) == s.get();
  bool t0 = &s->setTimeout(0) == s.get();
  console::log("chaining", k, n1, n2, t0, "timeout now", s->timeout());
  s->destroy();
  auto server = net::createServer([](net::SocketPtr sock) { sock->end("x"); });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    auto c = net::connect(
        net::ConnectOptions{.port = port, .host = "localhost", .family = 4, .timeout = 500});
    console::log("after connect(): timeout", c->timeout(), "address", show(c->address()), "remote",
                 c->remoteAddress(), "pending", c->pending());
    c->on("lookup",
          [c](std::optional<Error> err, std::string address, int family, std::string host) {
            console::log("lookup", err, address, family, host, c->connecting());
          });
    c->on("connect", [c, port] {
      auto a = c->address();
      console::log("connect: address", a.address, a.family, c->localPort() == a.port, "remote",
                   c->remoteAddress(), c->remoteFamily(), c->remotePort() == port, "timeout",
                   c->timeout());
      bool r1 = &c->setKeepAlive(true) == c.get();
      bool r2 = &c->setKeepAlive(false, 5000) == c.get();
      console::log("setKeepAlive returns socket", r1, r2);
      c->setTimeout(20);
      c->setTimeout(0);
      console::log("timeout after setTimeout(0)", c->timeout());
    });
    c->on("timeout", [] { console::log("timeout event (unexpected)"); });
    c->resume();
    c->on("close", [c, port, server](bool e) {
      console::log("close", e, "address", show(c->address()), "local", c->localAddress(),
                   c->localPort(), "remote", c->remoteAddress(), c->remotePort() == port,
                   c->remoteFamily());
      auto d = net::connect(port, "127.0.0.1");
      d->resume();
      d->on("lookup", [] { console::log("lookup for an IP host (unexpected)"); });
      d->on("close", [d, server] {
        console::log("d close without reading remote* before: remote", d->remoteAddress(),
                     d->remotePort(), "address", show(d->address()));
        auto z = net::connect(0, "127.0.0.1");
        z->on("error", [z](const Error& err) {
          console::log("port 0:", err.code, err.message, Maybe<int>(err.port), err.address,
                       "remote", z->remoteAddress());
        });
        z->on("close", [z, server](bool e) {
          console::log("z close", e, z->readyState());
          setTimeout([server] { server->close(); }, 50);
        });
      });
    });
  });
}
