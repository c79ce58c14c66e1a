// The seed's TCP server (构建TCP服务 / server.js), ported line by line:
//
//   let net = require("net");
//   const server = net.createServer();
//   server.on("connection", socket => { ... });
//   server.listen(4000, () => console.log("tcp servet run in: localhost:4000"));
//
// Also shows what the seed describes in prose: server.getConnections() and
// maxConnections. Usage: server [port=4000] [--max-connections N] [--exit-after N]
// (--exit-after closes the server once N clients have disconnected, for tests).
#include <cstdlib>
#include <cstring>

#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int port = 4000;
    int exitAfter = 0;
    std::optional<int> maxConnections;
    for (std::size_t i = 2; i < args.size(); ++i) {
      if (args[i] == "--exit-after" && i + 1 < args.size())
        exitAfter = std::atoi(args[++i].c_str());
      else if (args[i] == "--max-connections" && i + 1 < args.size())
        maxConnections = std::atoi(args[++i].c_str());
      else
        port = std::atoi(args[i].c_str());
    }
    const auto server = net::createServer();
    server->maxConnections = maxConnections;
    auto disconnected = std::make_shared<int>(0);

    server->on("connection", [server, exitAfter, disconnected](net::SocketPtr socket) {
      // The seed prints socket.id, which net.Socket does not have: Node prints undefined.
      console::log("建立连接成功", undefined);
      socket->write("hello");

      server->getConnections(
          [](std::optional<Error>, int count) { console::log("当前连接数", count); });

      socket->on("data",
                 [](const Buffer& data) { console::log("来自客户端的信息", data.toString()); });
      socket->on("end", [server, exitAfter, disconnected] {
        console::log("用户断开连接");
        if (exitAfter && ++*disconnected >= exitAfter) server->close();
      });
    });
    server->on("drop", [](const net::DropInfo& info) {
      console::log("连接数已满, 拒绝", info.remoteAddress);
    });

    server->listen(port, [server] {
      console::log("tcp servet run in: localhost:" + std::to_string(server->address()->port));
    });
  });
}
