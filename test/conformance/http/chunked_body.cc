#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(chunked_body) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("server:", req->method, req->url, req->headers()["transfer-encoding"]);
    auto chunks = std::make_shared<std::string>();
    req->on("data", [chunks](const Buffer& d) { *chunks += d.toString(); });
    req->on("end", [req, res, chunks] {
      console::log("server body", Value(*chunks).stringify(), "trailers",
                   req->trailers().stringify());
      res->setHeader("Trailer", "X-Sum");
      res->write("one,");
      res->write(Buffer::from("two,"));
      res->addTrailers({{"X-Sum", std::to_string(chunks->size())}});
      res->end("three");
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    int port = server->address()->port;
    http::RequestOptions o;
    o.port = port;
    o.host = "127.0.0.1";
    o.method = "POST";
    o.path = "/up";
    auto req = http::request(o, [port, server](http::IncomingMessagePtr res) {
      console::log("client:", res->statusCode, res->headers()["transfer-encoding"],
                   res->headers()["trailer"]);
      auto body = std::make_shared<std::string>();
      res->setEncoding("utf8");
      res->on("data", [body](const std::string& d) { *body += d; });
      res->on("end", [res, body, port, server] {
        Array raws;
        for (const auto& s : res->rawTrailers()) raws.push_back(s);
        console::log("client body", Value(*body).stringify(), "trailers",
                     res->trailers().stringify(), Value(raws).stringify());
        httptest::raw(port,
                      "POST /raw HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "4\r\nWiki\r\n5;ext=\"x\"\r\npedia\r\n0\r\nX-T: 1\r\nX-T: 2\r\n\r\n",
                      [server](std::string r) {
                        console::log("raw", httptest::show(r));
                        server->close([] { console::log("closed"); });
                      });
      });
    });
    req->write("hello ");
    req->write(Buffer::from("chunked "));
    req->end("world");
  });
}
