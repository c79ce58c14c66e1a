// Seed, 实现广播: every 2 s, broadcast "hello" to port 4000 of the local network.
//
//   broadcast_sender [count] [port] [address] [interval-ms]
// With no arguments it behaves as the seed: 255.255.255.255:4000 every 2000 ms, forever.
// `count` > 0 stops after that many datagrams; `address` may be a directed broadcast
// address such as 192.168.10.255.
#include <nodecc/dgram.h>
#include <nodecc/nodecc.h>

#include <string>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int count = args.size() > 2 ? std::stoi(args[2]) : 0;
    int port = args.size() > 3 ? std::stoi(args[3]) : 4000;
    std::string target = args.size() > 4 ? args[4] : "255.255.255.255";
    double interval = args.size() > 5 ? std::stod(args[5]) : 2000;

    auto socket = dgram::createSocket("udp4");

    socket->on("listening", [=] {
      auto address = socket->address();
      console::log("socket running " + address.address + ":" + std::to_string(address.port));

      socket->setBroadcast(true);
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
            socket->send("hello", port, target, [socket, last] {
              if (last) socket->close();
            });
            // socket->send("hello", 4000, "192.168.10.132");
          },
          interval);
    });

    socket->on("error", [](const Error& err) { console::log("error", err); });

    socket->bind();
  });
}
