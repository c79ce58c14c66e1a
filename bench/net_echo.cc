// Echo throughput over loopback: a server pipes each socket into itself
// (socket.pipe(socket)); a client writes 1 GiB in 64 KiB chunks, honouring
// backpressure, and counts the echoed bytes. Twin: node/net_echo.js.
#include <cstdint>

#include "bench.h"
#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const std::int64_t total = bench::quick() ? (8LL << 20) : (1LL << 30);
    const std::size_t chunkSize = 64 * 1024;
    auto server = net::createServer([](net::SocketPtr socket) { socket->pipe(socket); });
    server->listen(0, "127.0.0.1", [server, total, chunkSize] {
      auto client = net::createConnection(server->address()->port, "127.0.0.1");
      Buffer chunk = Buffer::alloc(chunkSize, 'x');
      auto sent = std::make_shared<std::int64_t>(0);
      auto received = std::make_shared<std::int64_t>(0);
      auto start = std::make_shared<std::uint64_t>(0);
      auto pump = std::make_shared<std::function<void()>>();
      *pump = [client, chunk, sent, total] {
        while (*sent < total) {
          *sent += static_cast<std::int64_t>(chunk.length());
          if (!client->write(chunk)) return;  // wait for 'drain'
        }
      };
      client->on("drain", [pump] { (*pump)(); });
      client->on("data", [client, server, received, total, start](const Buffer& d) {
        *received += static_cast<std::int64_t>(d.length());
        if (*received >= total) {
          double secs = static_cast<double>(process::hrtime.bigint() - *start) / 1e9;
          bench::report("net_echo", "MiB/s", static_cast<double>(total) / (1 << 20) / secs, true);
          client->destroy();
          server->close();
        }
      });
      client->on("connect", [pump, start] {
        *start = process::hrtime.bigint();
        (*pump)();
      });
      client->on("close", [pump](bool) { *pump = nullptr; });
    });
  });
}
