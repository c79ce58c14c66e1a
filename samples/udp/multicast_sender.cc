// Seed, 实现组播: every 2 s, send "hello" to the multicast group 224.0.1.100, port 4000.
//
//   multicast_sender [count] [port] [address] [interval-ms] [ttl] [loopback]
// With no arguments it behaves as the seed (forever, every 2000 ms). `count` > 0 stops
// after that many datagrams; `ttl` sets setMulticastTTL, `loopback` (0/1)
// setMulticastLoopback (tests use them).
#include <nodecc/dgram.h>
#include <nodecc/nodecc.h>

#include <string>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int count = args.size() > 2 ? std::stoi(args[2]) : 0;
    int port = args.size() > 3 ? std::stoi(args[3]) : 4000;
    std::string group = args.size() > 4 ? args[4] : "224.0.1.100";
    double interval = args.size() > 5 ? std::stod(args[5]) : 2000;
    int ttl = args.size() > 6 ? std::stoi(args[6]) : -1;
    int loopback = args.size() > 7 ? std::stoi(args[7]) : -1;

    auto socket = dgram::createSocket("udp4");

    socket->on("listening", [=] {
      auto address = socket->address();
      console::log("socket running " + address.address + ":" + std::to_string(address.port));

      socket->setBroadcast(true);
      if (ttl >= 0) socket->setMulticastTTL(ttl);
      if (loopback >= 0) socket->setMulticastLoopback(loopback != 0);
      auto sent = std::make_shared<int>(0);
      auto timer = std::make_shared<TimeoutPtr>();
      *timer = setInterval(
          [=] {
            bool last = count > 0 && ++*sent == count;
            if (last) {
              clearInterval(*timer);
              timer->reset();
            }
            // The last datagram closes the socket once it is out (close() right after
            // send() would drop it: the send waits a tick for its address lookup).
            // 组播组地址 224.0.1.100
            socket->send("hello", port, group, [socket, last] {
              if (last) socket->close();
            });
          },
          interval);
    });

    socket->on("error", [](const Error& err) { console::log("error", err); });

    socket->bind();
  });
}
