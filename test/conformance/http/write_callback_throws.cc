#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(write_callback_throws) {
  process::on("uncaughtException", [](const Error& e) { console::log("uncaught", e.message); });
  auto n = std::make_shared<int>(0);
  auto server = http::createServer([n](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    const int i = ++*n;
    console::log("request", i, req->url);
    res->write("a", {}, [i](std::optional<Error>) {
      console::log("cb a", i);
      throw Error("boom " + std::to_string(i));
    });
    res->write("b", {}, [i](std::optional<Error>) { console::log("cb b", i); });
    setImmediate([res, i] {
      res->write("c", {}, [i](std::optional<Error>) { console::log("cb c", i); });
      res->end("d", {}, [i] { console::log("end", i); });
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    http::AgentOptions ao;
    ao.keepAlive = true;
    ao.maxSockets = 1;
    auto agent = std::make_shared<http::Agent>(ao);
    auto get = [server, agent](std::string path, std::function<void()> next) {
      http::RequestOptions o;
      o.port = server->address()->port;
      o.host = "127.0.0.1";
      o.path = path;
      o.agent = agent;
      auto holder = std::make_shared<http::ClientRequestPtr>();
      *holder = http::get(o, [=](http::IncomingMessagePtr res) {
        auto body = std::make_shared<std::string>();
        res->on("data", [body](const Buffer& d) { *body += d.toString(); });
        res->on("end", [=] {
          console::log("client", path, "reused", (*holder)->reusedSocket, Value(*body).stringify());
          setImmediate(next);
        });
      });
    };
    get("/1", [get, agent, server] {
      get("/2", [agent, server] {
        agent->destroy();
        server->close([] { console::log("closed"); });
      });
    });
  });
}
