#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(no_body_responses) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/204") res->statusCode = 204;
    if (req->url == "/304") res->writeHead(304, {{"ETag", "\"x\""}});
    if (req->url == "/204te") res->writeHead(204, {{"Transfer-Encoding", "chunked"}});
    bool ret = res->write("body that is dropped");
    console::log(req->method, req->url, "write returned", ret);
    res->end("!");
  });
  auto requests = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET /204 HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET /304 HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET /204te HTTP/1.1\r\nHost: a\r\n\r\n",
      "GET / HTTP/1.0\r\n\r\n",
  });
  server->listen(0, "127.0.0.1", [server, requests] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, requests, i, next] {
      if (*i == requests->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;  // destroys this closure: nothing captured is used after it
        return;
      }
      httptest::raw(server->address()->port, (*requests)[(*i)++], [next](std::string r) {
        console::log(httptest::show(r));
        (*next)();
      });
    };
    (*next)();
  });
}
