// Seed, 实现单播: the receiver answers each sender through rinfo.
//
//   reply [count] [port] [address]
// With no arguments it behaves as the seed: port 6000, runs until killed; `count` > 0
// closes after that many datagrams (each answered first).
#include <nodecc/dgram.h>
#include <nodecc/nodecc.h>

#include <string>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int count = args.size() > 2 ? std::stoi(args[2]) : 0;
    int port = args.size() > 3 ? std::stoi(args[3]) : 6000;
    std::string address = args.size() > 4 ? args[4] : "";

    auto socket = dgram::createSocket("udp4");

    socket->on("listening", [socket] {
      auto address = socket->address();
      console::log("socket running " + address.address + ":" + std::to_string(address.port));
    });

    auto received = std::make_shared<int>(0);
    socket->on("message", [socket, count, received](Buffer msg, dgram::RemoteInfo remoteInfo) {
      console::log("来自发送方的数据", msg);
      // 回信息
      socket->send("how are you?", remoteInfo.port, remoteInfo.address, [socket, count, received] {
        if (count > 0 && ++*received == count) socket->close();
      });
    });

    socket->on("error", [](const Error& err) { console::log("error", err); });

    socket->bind(port, address);
  });
}
