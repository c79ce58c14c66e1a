#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    fn();
    console::log(label, "ok");
  } catch (const Error& e) {
    console::log(label, e.code, e.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_header_latin1) {
  tryIt("value e-acute", [] { http::validateHeaderValue("X", "caf\u00e9"); });
  tryIt("value euro", [] { http::validateHeaderValue("X", "\u20ac"); });
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("S", req->url, req->headers()["x-in"].stringify(),
                 Value(req->rawHeaders()[1]).stringify());
    tryIt("setHeader euro", [res] { res->setHeader("X-Euro", "5 \u20ac"); });
    res->setHeader("X-Out", "caf\u00e9");
    if (req->url == "/text")
      res->end("body");
    else if (req->url == "/buffer")
      res->end(Buffer::from("body"));
    else
      res->end();
  });
  static const std::vector<std::string> paths = {"/empty", "/text", "/buffer"};
  auto client = [server] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = server->address()->port;
    o.path = "/text";
    o.headers = {{"X-In", "caf\u00e9"}};
    http::get(o, [server](http::IncomingMessagePtr res) {
      console::log("C", res->headers()["x-out"].stringify());
      res->resume();
      res->on("end", [server] { server->close([] { console::log("closed"); }); });
    });
  };
  auto rawGet = std::make_shared<std::function<void(std::size_t)>>();
  std::weak_ptr<std::function<void(std::size_t)>> weakGet = rawGet;  // no cycle through itself
  *rawGet = [server, client, weakGet](std::size_t i) {
    auto rawGet = weakGet.lock();
    if (i == paths.size()) return client();
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c, i] {
      (*c)->end(Buffer::from("GET " + paths[i] + " HTTP/1.1\r\nHost: a\r\nX-In: caf\u00e9\r\n\r\n",
                             "latin1"));
    });
    auto out = std::make_shared<std::string>();
    (*c)->on("data", [out](const Buffer& d) { out->append(d.chars(), d.length()); });
    (*c)->on("close", [out, rawGet, i](bool) {
      console::log(httptest::show(httptest::mask(*out)));
      (*rawGet)(i + 1);
    });
  };
  server->listen(0, "127.0.0.1", [rawGet] { (*rawGet)(0); });
}
