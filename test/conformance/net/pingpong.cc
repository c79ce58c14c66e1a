#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pingpong) {
  const int N = 100;
  auto sentPongs = std::make_shared<int>(0), receivedPings = std::make_shared<int>(0);
  auto server = net::createServer({.allowHalfOpen = true}, [=](net::SocketPtr socket) {
    socket->setNoDelay();
    socket->setEncoding("utf8");
    socket->on("data", [=](const std::string& data) {
      std::size_t pos = 0, nl;
      while ((nl = data.find('\n', pos)) != std::string::npos) {
        std::string line = data.substr(pos, nl - pos);
        pos = nl + 1;
        if (line != "PING") throw Error("bad " + line);
        ++*receivedPings;
        socket->write("PONG\n");
        ++*sentPongs;
      }
    });
    socket->on("end", [socket] {
      console::log("server: end, readyState", socket->readyState());
      socket->end();
    });
    socket->on("close", [](bool hadError) { console::log("server: close", hadError); });
  });
  server->listen(0, "127.0.0.1", [=] {
    auto count = std::make_shared<int>(0);
    auto client = net::createConnection(server->address()->port, "127.0.0.1");
    client->setEncoding("ascii");
    client->on("connect", [client] {
      console::log("client: connect");
      client->write("PING\n");
    });
    auto buffered = std::make_shared<std::string>();
    client->on("data", [=](const std::string& data) {
      *buffered += data;
      std::size_t i;
      while ((i = buffered->find('\n')) != std::string::npos) {
        std::string line = buffered->substr(0, i);
        buffered->erase(0, i + 1);
        if (line != "PONG") throw Error("bad " + line);
        ++*count;
        if (*count < N) {
          client->write("PING\n");
        } else {
          console::log("client: got", *count, "pongs; readyState", client->readyState());
          client->end();
        }
      }
    });
    client->on("end", [] { console::log("client: end"); });
    client->on("close", [=](bool hadError) {
      console::log("client: close", hadError, "pings", *receivedPings, "pongs", *sentPongs);
      server->close([] { console::log("server: closed"); });
    });
  });
}
