#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(seed_server) {
  auto server = std::make_shared<http::ServerPtr>();
  *server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    std::string url = req->url;
    res->writeHead(200, {{"Content-Type", "text/html"}});
    if (url == "/") {
      res->end("hello world");
    } else if (url == "/a") {
      res->end("you get a");
    } else {
      res->statusCode = 404;
      res->end("not found");
    }
    // res.end(txt): `txt` is not defined in the seed, so Node throws here.
    Error e("txt is not defined");
    e.name = "ReferenceError";
    throw e;
  });
  (*server)->listen(0, [server] {
    console::log("listening");
    http::RequestOptions o;
    o.port = (*server)->address()->port;
    o.path = "/a";
    http::get(o, [](http::IncomingMessagePtr) { console::log("never printed"); });
  });
}
