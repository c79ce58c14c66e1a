#include "conformance.h"
#include "nodecc/cluster.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(listen_error) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto blocker = net::createServer();
    blocker->listen(0, [blocker] {
      auto w = cluster::fork({{"BLOCKED_PORT", std::to_string(blocker->address()->port)}});
      w->on("message", [](const Value& m) { console::log("worker says", m.stringify()); });
      w->on("exit", [blocker](std::optional<int> code, std::optional<std::string> signal) {
        console::log("worker exit", code, signal);
        blocker->close();
      });
    });
  } else {
    int port = std::stoi(*process::env.get("BLOCKED_PORT"));
    auto server = net::createServer();
    server->on("error", [server, port](const Error& e) {
      std::string message = e.message;
      std::string p = ":" + std::to_string(port);
      if (auto at = message.find(p); at != std::string::npos)
        message.replace(at, p.size(), ":PORT");
      process::send(Object{
          {"code", e.code},
          {"syscall", e.syscall},
          {"address", e.address.empty() || e.address == "null" ? Value(nullptr) : Value(e.address)},
          {"samePort", e.port == port},
          {"message", message},
          {"listening", server->listening()}});
      cluster::worker()->disconnect();
    });
    server->listen(port);
  }
}
