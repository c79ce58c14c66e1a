#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_pause_on_connect) {
  auto stopped = std::make_shared<bool>(true);
  auto server1 = std::make_shared<net::ServerPtr>();
  auto server2 = std::make_shared<net::ServerPtr>();
  *server1 = net::createServer({.pauseOnConnect = true}, [stopped, server1](net::SocketPtr socket) {
    console::log("server1 connection; readableFlowing", socket->readableFlowing());
    socket->on("data", [socket, stopped, server1](const Buffer& data) {
      if (*stopped) throw Error("data before resume");
      console::log("server1 data", data.toString());
      socket->end();
      (*server1)->close();
    });
    setTimeout(
        [socket, stopped] {
          console::log("resuming server1 socket");
          *stopped = false;
          socket->resume();
        },
        50);
  });
  *server2 =
      net::createServer({.pauseOnConnect = false}, [stopped, server2](net::SocketPtr socket) {
        console::log("server2 connection; readableFlowing", socket->readableFlowing());
        socket->on("data", [socket, stopped, server2](const Buffer& data) {
          console::log("server2 data", data.toString(), "server1 still paused", *stopped);
          socket->end();
          (*server2)->close();
        });
      });
  (*server1)->listen(0, "127.0.0.1", [server1] {
    net::createConnection({.port = (*server1)->address()->port, .host = "127.0.0.1"})
        ->write("test");
  });
  (*server2)->listen(0, "127.0.0.1", [server2] {
    net::createConnection({.port = (*server2)->address()->port, .host = "127.0.0.1"})
        ->write("test");
  });
}
