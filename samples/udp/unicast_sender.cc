// Seed, 实现单播: send one datagram to the service on port 6000 without binding first
// (the first send binds the socket to a free port).
//
//   unicast_sender [count] [port] [address]
// With no arguments it behaves as the seed: sends "hellow" to localhost:6000 and keeps
// the (now bound) socket open. `count` > 0 prints that many replies, then closes.
#include <nodecc/dgram.h>
#include <nodecc/nodecc.h>

#include <string>

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int count = args.size() > 2 ? std::stoi(args[2]) : 0;
    int port = args.size() > 3 ? std::stoi(args[3]) : 6000;
    std::string address = args.size() > 4 ? args[4] : "localhost";

    auto client = dgram::createSocket("udp4");

    if (count > 0) {
      auto received = std::make_shared<int>(0);
      client->on("message", [client, count, received](Buffer msg, dgram::RemoteInfo) {
        console::log("reply", msg.toString());
        if (++*received == count) client->close();
      });
    }

    // 因为我们没有绑定端口，所以不用再 listening 事件中发送数据
    client->send("hellow", port, address);
  });
}
