#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(informational) {
  auto server = http::createServer([](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    res->writeProcessing();
    res->writeEarlyHints({{"link", "</style.css>; rel=preload; as=style"}, {"x-hint", "h"}});
    res->setHeader("X-Final", "yes");
    res->flushHeaders();
    console::log("server flushed, headersSent", res->headersSent());
    setTimeout([res] { res->end("final body"); }, 20);
  });
  server->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = server->address()->port;
    auto req = http::get(o);
    req->on("information", [](const http::ClientRequest::Information& info) {
      Array raw;
      for (const auto& s : info.rawHeaders) raw.push_back(s);
      console::log("information", info.statusCode, info.statusMessage, info.httpVersion,
                   info.headers.stringify(), Value(raw).stringify());
    });
    req->on("response", [server](http::IncomingMessagePtr res) {
      console::log("response", res->statusCode, res->headers()["x-final"]);
      auto body = std::make_shared<std::string>();
      res->on("data", [body](const Buffer& d) { *body += d.toString(); });
      res->on("end", [body, server] {
        console::log("body", *body);
        server->close([] { console::log("closed"); });
      });
    });
  });
}
