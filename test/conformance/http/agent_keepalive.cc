#include <set>

#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(agent_keepalive) {
  auto server = http::createServer(
      [](http::IncomingMessagePtr req, http::ServerResponsePtr res) { res->end("r" + req->url); });
  server->listen(0, "127.0.0.1", [server] {
    http::AgentOptions ao;
    ao.keepAlive = true;
    ao.maxSockets = 1;
    auto agent = std::make_shared<http::Agent>(ao);
    int port = server->address()->port;
    http::RequestOptions no;
    no.host = "127.0.0.1";
    no.port = port;
    std::string name = agent->getName(no);
    console::log("name has the port", name == "127.0.0.1:" + std::to_string(port) + ":");
    auto done = std::make_shared<int>(0);
    auto sockets = std::make_shared<std::set<net::Socket*>>();
    for (int i = 1; i <= 3; i++) {
      http::RequestOptions o;
      o.agent = agent;
      o.host = "127.0.0.1";
      o.port = port;
      o.path = "/" + std::to_string(i);
      auto reqHolder = std::make_shared<http::ClientRequestPtr>();
      auto req = http::get(o, [=](http::IncomingMessagePtr res) {
        auto body = std::make_shared<std::string>();
        res->on("data", [body](const Buffer& d) { *body += d.toString(); });
        res->on("end", [=] {
          console::log(i, res->statusCode, *body, "reusedSocket", (*reqHolder)->reusedSocket,
                       "keep-alive header", res->headers()["keep-alive"]);
          if (++*done == 3) {
            setImmediate([=] {
              console::log("distinct sockets", sockets->size(), "total", agent->totalSocketCount,
                           "free", agent->freeSockets.size(), "busy", agent->sockets.size(),
                           "queued", agent->requests.size());
              agent->destroy();
              server->close([] { console::log("closed"); });
            });
          }
        });
      });
      *reqHolder = req;
      req->on("socket", [sockets](net::SocketPtr s) { sockets->insert(s.get()); });
      if (i == 1) {
        auto it = agent->sockets.find(name);
        console::log("queued after first", agent->requests.size(), "busy",
                     it != agent->sockets.end() ? it->second.size() : 0);
      }
    }
    console::log("queued", agent->requests[name].size());
  });
}
