// Seed, 实现组播: a client joins the group 224.0.1.100 to receive what is sent to it.
//
//   multicast_member [count] [port] [address] [leave-after]
// With no arguments it behaves as the seed: binds port 4000, joins 224.0.1.100 and
// prints every datagram, forever. `count` > 0 closes after that many datagrams;
// `leave-after` > 0 calls dropMembership after that many (and keeps listening).
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
    int leaveAfter = args.size() > 5 ? std::stoi(args[5]) : 0;

    auto client = dgram::createSocket("udp4");

    client->on("listening", [=] {
      client->addMembership(group);
      auto address = client->address();
      console::log("member of " + group + " on " + address.address + ":" +
                   std::to_string(address.port));
    });

    auto received = std::make_shared<int>(0);
    client->on("message", [=](Buffer msg, dgram::RemoteInfo rinfo) {
      console::log("来自发送方的数据", msg.toString(), rinfo.address);
      ++*received;
      if (leaveAfter > 0 && *received == leaveAfter) {
        client->dropMembership(group);
        console::log("left " + group);
      }
      if (count > 0 && *received == count) client->close();
    });

    client->on("error", [](const Error& err) { console::log("error", err); });

    client->bind(port);
  });
}
