// The seed's TCP client (client.js), ported line by line:
//
//   const client = net.createConnection({ host: "localhost", port: 4000 });
//   client.on("connect", () => { console.log("与 localhost:4000 建立连接成功");
//   client.write("world"); }); client.on("data", data => console.log("来自服务端的信息",
//   data.toString()));
//
// The seed's client never ends; this port takes [port=4000] and, with --end,
// ends the connection after the first reply so that it exits by itself.
#include <cstdlib>

#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int port = 4000;
    bool endAfterReply = false;
    for (std::size_t i = 2; i < args.size(); ++i) {
      if (args[i] == "--end")
        endAfterReply = true;
      else
        port = std::atoi(args[i].c_str());
    }
    const auto client = net::createConnection({.port = port, .host = "localhost"});

    client->on("connect", [client, port] {
      console::log("与 localhost:" + std::to_string(port) + " 建立连接成功");
      client->write("world");
    });

    client->on("data", [client, endAfterReply](const Buffer& data) {
      console::log("来自服务端的信息", data.toString());
      if (endAfterReply) client->end();
    });
    client->on("error", [](const Error& err) { console::error(err.message); });
  });
}
