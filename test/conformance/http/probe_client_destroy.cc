#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe_client_destroy) {
  auto server = std::make_shared<http::ServerPtr>();
  auto second = std::make_shared<std::function<void()>>();
  *server = http::createServer([second](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->writeHead(200, {{"Content-Type", "text/plain"}});
    res->write("part1");
    req->on("close", [req] { console::log("S req close", req->complete, req->aborted); });
    res->on("close", [res, second] {
      console::log("S res close", res->writableEnded(), res->writableFinished(), res->destroyed);
      bool ret = res->write("late", {}, [second](std::optional<Error> err) {
        console::log("S write callback", err ? Value(err->code) : Value(undefined),
                     err ? Value(err->message) : Value(undefined));
        (*second)();
      });
      console::log("S late write returned", ret);
    });
  });
  *second = [server] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = (*server)->address()->port;
    o.path = "/never";
    auto req = http::get(o);
    req->on("socket", [](net::SocketPtr) { console::log("C2 socket"); });
    req->on("error", [](const Error& e) { console::log("C2 error", e.code, e.message); });
    req->on("close", [req, server] {
      console::log("C2 close", req->destroyed, req->aborted);
      (*server)->close([] { console::log("closed"); });
    });
    req->destroy();
    console::log("C2 destroyed", req->destroyed);
  };
  (*server)->listen(0, "127.0.0.1", [server] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = (*server)->address()->port;
    o.path = "/mid";
    auto holder = std::make_shared<http::ClientRequestPtr>();
    auto req = http::get(o, [holder](http::IncomingMessagePtr res) {
      res->on("data", [holder, res](const Buffer& d) {
        console::log("C data", d.toString(), "complete", res->complete);
        (*holder)->destroy();
        console::log("C destroyed", (*holder)->destroyed, res->destroyed(), (*holder)->aborted);
      });
      res->on("aborted", [res] { console::log("C res aborted", res->aborted, res->complete); });
      res->on("error", [](const Error& e) { console::log("C res error", e.code, e.message); });
      res->on("end", [] { console::log("C res end (unexpected)"); });
      res->on("close", [res] { console::log("C res close", res->destroyed()); });
    });
    *holder = req;
    req->on("error", [](const Error& e) { console::log("C req error (unexpected)", e.code); });
    req->on("close", [req] { console::log("C req close", req->destroyed); });
  });
}
