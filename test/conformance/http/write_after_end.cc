#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(write_after_end) {
  auto server = http::createServer([](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    res->on("error", [](const Error& e) { console::log("res error", e.code, e.message); });
    res->on("finish", [] { console::log("finish"); });
    res->end("first", {}, [] { console::log("end callback"); });
    bool ret = res->write("late", {}, [](std::optional<Error> err) {
      console::log("write callback", err ? Value(err->code) : Value(undefined));
    });
    console::log("write returned", ret, "writableEnded", res->writableEnded());
    res->end([] { console::log("second end callback"); });
    res->end("again", {}, [](std::optional<Error> err) {
      console::log("end with data callback", err ? Value(err->code) : Value(undefined));
    });
    console::log("sync done");
  });
  server->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.port = server->address()->port;
    o.host = "127.0.0.1";
    http::get(o, [server](http::IncomingMessagePtr res) {
      auto body = std::make_shared<std::string>();
      res->on("data", [body](const Buffer& d) { *body += d.toString(); });
      res->on("end", [body, server] {
        console::log("client body", Value(*body).stringify());
        server->close([] { console::log("closed"); });
      });
    });
  });
}
