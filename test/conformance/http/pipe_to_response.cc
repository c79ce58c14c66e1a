#include "conformance.h"
#include "nodecc/http.h"
#include "nodecc/stream.h"

using namespace nodecc;

namespace {
void request(const http::ServerPtr& server, const std::string& method, const std::string& path,
             std::optional<std::string> body, std::function<void()> next) {
  http::RequestOptions o;
  o.port = server->address()->port;
  o.host = "127.0.0.1";
  o.method = method;
  o.path = path;
  auto req = http::request(o, [path, next](http::IncomingMessagePtr res) {
    auto n = std::make_shared<std::size_t>(0);
    auto text = std::make_shared<std::string>();
    res->on("data", [n, text](const Buffer& d) {
      *n += d.length();
      if (*n <= 64) *text += d.toString();
    });
    res->on("end", [res, path, next, n, text] {
      console::log("client:", path, res->statusCode, res->headers()["transfer-encoding"], *n,
                   *n <= 64 ? *text : std::string("(long)"));
      next();
    });
  });
  if (body)
    req->end(*body);
  else
    req->end();
}
}  // namespace

NODECC_CONFORMANCE_CASE(pipe_to_response) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    std::string url = req->url;
    res->on("pipe", [url, r = req.get()](stream::Readable* src) {
      console::log("server: pipe", url, src == r);
    });
    res->on("unpipe", [url] { console::log("server: unpipe", url); });
    res->on("finish", [url] { console::log("server: finish", url); });
    if (url == "/echo") {
      req->pipe(res);
    } else if (url == "/big") {
      auto i = std::make_shared<int>(0);
      auto paused = std::make_shared<bool>(false);
      stream::Readable::Options ro;
      ro.read = [i](stream::Readable& self, std::size_t) {
        if ((*i)++ < 64)
          self.push(Buffer::alloc(16384, 'a'));
        else
          self.push(nullptr);
      };
      auto src = std::make_shared<stream::Readable>(ro);
      src->on("pause", [paused] { *paused = true; });
      src->on("end", [paused] { console::log("server: big source ended, paused", *paused); });
      src->pipe(res);
    } else {
      stream::Readable::Options ro;
      ro.read = [](stream::Readable&, std::size_t) {};
      auto src = std::make_shared<stream::Readable>(ro);
      src->pipe(res);
      src->push("one ");
      setImmediate([src, res] {
        src->unpipe(res);
        src->push("lost");
        res->end("two");
      });
    }
  });
  server->listen(0, "127.0.0.1", [server] {
    request(server, "POST", "/echo", "hello pipe", [server] {
      request(server, "GET", "/big", std::nullopt, [server] {
        request(server, "GET", "/unpipe", std::nullopt, [server] { server->close(); });
      });
    });
  });
}
