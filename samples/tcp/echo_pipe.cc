// An echo server with pipe(): every socket is piped into itself (backpressure is
// handled by the stream core: pause on write() === false, resume on 'drain').
// Usage: echo_pipe [port=4001] [--exit-after N]
#include <cstdlib>

#include "nodecc/net.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& args = process::argv();
    int port = 4001;
    int exitAfter = 0;
    for (std::size_t i = 2; i < args.size(); ++i) {
      if (args[i] == "--exit-after" && i + 1 < args.size())
        exitAfter = std::atoi(args[++i].c_str());
      else
        port = std::atoi(args[i].c_str());
    }
    auto served = std::make_shared<int>(0);
    const auto server = net::createServer();
    server->on("connection", [server, served, exitAfter](net::SocketPtr socket) {
      socket->pipe(socket);
      socket->on("close", [server, served, exitAfter](bool) {
        if (exitAfter && ++*served >= exitAfter) server->close();
      });
    });
    server->listen(port,
                   [server] { console::log("echo server listening on", server->address()->port); });
  });
}
