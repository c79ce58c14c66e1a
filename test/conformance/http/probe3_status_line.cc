#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::raw;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe3_status_line) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    res->sendDate = false;
    const std::string u = req->url;
    console::log(u, "before", res->statusCode, res->headersSent());
    if (u == "/299") {
      res->writeHead(299);
    } else if (u == "/999") {
      res->writeHead(999, {{"Content-Length", 0}});
    } else if (u == "/306") {
      res->statusCode = 306;
      res->write("x");
    } else if (u == "/418") {
      res->writeHead(418);
    } else if (u == "/preset") {
      res->statusMessage = "Preset";
      res->writeHead(404);
    } else if (u == "/empty-reason") {
      res->writeHead(200, "");
    } else if (u == "/reason-and-headers") {
      res->writeHead(200, "Fine", {{"X-R", "r"}});
    } else if (u == "/end-empty") {
      res->statusCode = 202;
      res->end("");
    } else if (u == "/end-buffer") {
      res->end(Buffer::from("buf"));
    } else if (u == "/status-after") {
      res->statusCode = 500;
      res->statusMessage = "Boom";
      res->end("e");
    }
    console::log(u, "after", Value(res->statusMessage).stringify(), res->statusCode,
                 res->headersSent());
    if (!res->writableEnded()) res->end();
  });
  auto urls = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
      "/299", "/999", "/306", "/418", "/preset", "/empty-reason", "/reason-and-headers",
      "/end-empty", "/end-buffer", "/status-after"});
  server->listen(0, "127.0.0.1", [server, urls] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, urls, i, next] {
      if (*i == urls->size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;
        return;
      }
      std::string url = (*urls)[(*i)++];
      raw(server->address()->port, "GET " + url + " HTTP/1.1\r\nHost: a\r\n\r\n",
          [next](std::string r) {
            std::size_t e = r.find("\r\n");
            console::log(show(r.substr(0, e)), show(r.substr(e + 2)));
            (*next)();
          });
    };
    (*next)();
  });
}
