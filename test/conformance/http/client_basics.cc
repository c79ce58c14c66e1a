#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(client_basics) {
  auto server = std::make_shared<http::ServerPtr>();
  auto replacePort = [](std::string s, int port) {
    std::string p = std::to_string(port);
    std::size_t i = s.find(p);
    if (i != std::string::npos) s.replace(i, p.size(), "PORT");
    return s;
  };
  *server = http::createServer(
      [server, replacePort](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        console::log("server got", req->method, req->url,
                     replacePort(req->headers().stringify(), (*server)->address()->port));
        res->setHeader("Set-Cookie", Array{"a=1", "b=2"});
        res->writeHead(201, "Made", {{"X-Reply", "yes"}});
        if (req->method == "HEAD")
          res->end();
        else
          res->end("body of " + req->url);
      });
  (*server)->listen(0, "127.0.0.1", [server, replacePort] {
    http::ServerPtr srv = *server;
    int port = srv->address()->port;
    auto events = std::make_shared<std::vector<std::string>>();
    auto req = http::get(
        "http://127.0.0.1:" + std::to_string(port) + "/path?q=1",
        [events, port, srv](http::IncomingMessagePtr res) {
          console::log("response", res->statusCode, res->statusMessage, res->httpVersion,
                       res->headers()["set-cookie"].stringify(), res->headers()["x-reply"]);
          res->setEncoding("utf8");
          res->on("data", [](const std::string& d) { console::log("data", d); });
          res->on("end", [events, port, srv] {
            events->push_back("res end");
            http::RequestOptions o;
            o.host = "127.0.0.1";
            o.port = port;
            o.method = "head";
            o.path = "/h";
            o.headers = {{"X-Mine", "x"}};
            o.auth = "user:pass";
            auto r2 = http::request(o);
            r2->on("response", [events, srv](http::IncomingMessagePtr res2) {
              console::log("head response", res2->statusCode, res2->headers()["content-length"],
                           res2->headers()["transfer-encoding"]);
              res2->resume();
              res2->on("end", [events, srv] {
                srv->close([events] {
                  std::string joined;
                  for (const auto& e : *events) joined += (joined.empty() ? "" : ",") + e;
                  console::log("closed", joined);
                });
              });
            });
            r2->end();
          });
        });
    req->on("socket", [events](net::SocketPtr) { events->push_back("socket"); });
    req->on("finish", [events] { events->push_back("finish"); });
    req->on("close", [events] { events->push_back("req close"); });
    console::log("request", req->method, req->path, req->host, req->protocol,
                 replacePort(req->getHeader("host").asString(), port), req->headersSent(),
                 req->writableEnded());
  });
}
