#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_max_connections) {
  struct Counts {
    int serverConns = 0, serverCloses = 0, clientEnds = 0, drops = 0, closed = 0, connected = 0;
  };
  auto k = std::make_shared<Counts>();
  auto server = net::createServer([k](net::SocketPtr socket) {
    k->serverConns++;
    socket->on("close", [k] { k->serverCloses++; });
    socket->resume();
  });
  server->maxConnections = 2;
  server->on("drop", [k](const net::DropInfo& data) {
    k->drops++;
    console::log("drop", "number", data.localAddress, data.remoteFamily);
  });
  server->listen(0, "127.0.0.1", [server, k] {
    int port = server->address()->port;
    auto clients = std::make_shared<std::vector<net::SocketPtr>>();
    for (int i = 0; i < 3; i++) {
      auto c = net::connect(port, "127.0.0.1");
      clients->push_back(c);
      c->on("connect", [server, k, clients] {
        if (++k->connected == 3) {
          setTimeout(
              [server, clients] {
                server->getConnections([server, clients](std::optional<Error> err, int n) {
                  console::log("getConnections", err, n, "maxConnections", *server->maxConnections);
                  for (auto& c2 : *clients) c2->end();
                });
              },
              50);
        }
      });
      c->on("end", [k] { k->clientEnds++; });
      c->on("close", [server, k, clients] {
        if (++k->closed == 3) {
          clients->clear();
          server->close([k] {
            console::log("server closed; connections", k->serverConns, "closes", k->serverCloses,
                         "client ends", k->clientEnds, "drops", k->drops);
          });
        }
      });
    }
  });
}
