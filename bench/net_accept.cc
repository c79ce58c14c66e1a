// Connections accepted per second: each client connects, writes 1 byte and the
// server closes after reading it; 64 connections in flight. Twin: node/net_accept.js.
#include "bench.h"
#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const int total = bench::quick() ? 500 : 20000;
    const int inFlight = 64;
    auto server = net::createServer(
        [](net::SocketPtr s) { s->on("data", [s](const Buffer&) { s->destroy(); }); });
    server->listen(0, "127.0.0.1", 1024, [=] {
      int port = server->address()->port;
      auto started = std::make_shared<int>(0), finished = std::make_shared<int>(0);
      auto t0 = process::hrtime.bigint();
      auto one = std::make_shared<std::function<void()>>();
      std::weak_ptr<std::function<void()>> weak = one;
      *one = [=] {
        ++*started;
        auto c = net::connect(port, "127.0.0.1", {});
        c->on("connect", [c] { c->write("x"); });
        c->on("error", [](const Error&) {});
        c->resume();
        c->on("close", [=](bool) {
          if (++*finished == total) {
            double secs = static_cast<double>(process::hrtime.bigint() - t0) / 1e9;
            bench::report("net_accept", "conn/s", total / secs, true);
            server->close();
          } else if (*started < total) {
            if (auto f = weak.lock()) (*f)();
          }
        });
      };
      server->on("close", [one] {});
      for (int i = 0; i < inFlight; ++i) (*one)();
    });
  });
}
