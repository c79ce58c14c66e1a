// Datagrams per second over loopback: one sender and one receiver socket, 64-byte
// payloads, sent in windows of 128 — the next window goes when the receiver has every
// datagram of the last one, so none is dropped. Twin: node/dgram_pps.js.
#include <cstdint>
#include <cstdio>

#include "bench.h"
#include "nodecc/dgram.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    static const std::int64_t total = bench::count(2000000, 20000);
    static constexpr std::int64_t window = 128;
    static const Buffer payload = Buffer::alloc(64, 'x');
    static auto receiver = dgram::createSocket("udp4");
    static auto sender = dgram::createSocket("udp4");
    static int port = 0;
    static std::int64_t sent = 0, received = 0, progress = 0;
    static std::uint64_t start = 0;
    static TimeoutPtr watchdog;

    auto sendWindow = [] {
      std::int64_t n = std::min(window, total - sent);
      for (std::int64_t i = 0; i < n; i++) sender->send(payload, port, "127.0.0.1");
      sent += n;
    };

    receiver->on("message", [sendWindow](const Buffer&) {
      received++;
      if (received == total) {
        double secs = static_cast<double>(process::hrtime.bigint() - start) / 1e9;
        bench::report("dgram_pps", "msg/s", static_cast<double>(total) / secs, true);
        clearInterval(watchdog);
        receiver->close();
        sender->close();
      } else if (received == sent) {
        sendWindow();
      }
    });

    // A lost datagram would stall the window: fail loudly instead of hanging.
    watchdog = setInterval(
        [] {
          if (received == progress) {
            std::fprintf(stderr, "dgram_pps: stalled at %lld/%lld (a datagram was dropped)\n",
                         static_cast<long long>(received), static_cast<long long>(sent));
            process::exit(1);
          }
          progress = received;
        },
        2000);

    receiver->bind(0, "127.0.0.1", [sendWindow] {
      port = receiver->address().port;
      sender->bind(0, "127.0.0.1", [sendWindow] {
        start = process::hrtime.bigint();
        sendWindow();
      });
    });
  });
}
