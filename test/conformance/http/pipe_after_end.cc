#include "conformance.h"
#include "nodecc/http.h"
#include "nodecc/stream.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pipe_after_end) {
  auto src = std::make_shared<std::shared_ptr<stream::Readable>>();
  auto server = http::createServer([src](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    res->end("done");
    stream::Readable::Options ro;
    ro.read = [](stream::Readable&, std::size_t) {};
    *src = std::make_shared<stream::Readable>(ro);
    res->on("error", [](const Error& e) { console::log("server: res error", e.code, e.message); });
    res->on("unpipe",
            [s = src->get()] { console::log("server: unpipe; source paused", s->isPaused()); });
    (*src)->pipe(res);
    (*src)->push("late");
  });
  server->listen(0, "127.0.0.1", [server, src] {
    http::RequestOptions o;
    o.port = server->address()->port;
    o.host = "127.0.0.1";
    o.agent = false;
    http::get(o, [server, src](http::IncomingMessagePtr res) {
      auto body = std::make_shared<std::string>();
      res->on("data", [body](const Buffer& d) { *body += d.toString(); });
      res->on("end", [res, body, server, src] {
        console::log("client:", res->statusCode, *body);
        (*src)->push(nullptr);
        src->reset();
        server->close([] { console::log("server: closed"); });
      });
    });
  });
}
