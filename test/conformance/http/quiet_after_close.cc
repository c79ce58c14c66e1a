#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(quiet_after_close) {
  auto server = http::createServer();
  server->on("request", [server](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    auto removed = std::make_shared<int>(0);
    for (auto [name, e] : {std::pair<const char*, EventEmitter*>{"req", req.get()},
                           std::pair<const char*, EventEmitter*>{"res", res.get()}}) {
      e->on("removeListener",
            [removed, name = std::string(name)](const std::string& ev, const Listener&) {
              ++*removed;
              console::log(name, "removeListener", ev);
            });
    }
    req->on("data", [](const Buffer&) {});
    req->on("end", [] { console::log("req end"); });
    req->on("close", [] { console::log("req close"); });
    res->on("finish", [] { console::log("res finish"); });
    res->on("close", [server, removed] {
      console::log("res close");
      setImmediate([server, removed] {
        console::log("after close: removed", *removed);
        server->close();
      });
    });
    res->end("ok");
  });
  server->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.port = server->address()->port;
    o.host = "127.0.0.1";
    o.agent = false;
    http::get(o, [](http::IncomingMessagePtr r) { r->resume(); });
  });
}
