#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pipelining_order) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    double delay = std::stod(req->url.substr(1));
    console::log("request", req->url, "headersSent", res->headersSent());
    std::string url = req->url;
    res->on("finish", [url] { console::log("finish", url); });
    res->on("close", [url] { console::log("close", url); });
    setTimeout(
        [req, res] {
          res->setHeader("X-Url", req->url);
          res->end("response " + req->url);
        },
        delay);
  });
  server->listen(0, "127.0.0.1", [server] {
    std::string text;
    for (int d : {60, 10, 30, 1})
      text += "GET /" + std::to_string(d) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->on("connect", [c, text] { c->write(text); });
    auto got = std::make_shared<std::string>();
    c->setEncoding("latin1");
    c->on("data", [c, got](const std::string& d) {
      *got += d;
      std::size_t parts = 0;
      for (std::size_t p = got->find("HTTP/1.1 "); p != std::string::npos;
           p = got->find("HTTP/1.1 ", p + 1)) {
        ++parts;
      }
      const std::string tail = "response /1";
      if (parts == 4 && got->size() >= tail.size() &&
          got->compare(got->size() - tail.size(), tail.size(), tail) == 0) {
        std::string r = httptest::mask(*got);
        std::size_t pos = r.find("HTTP/1.1 ");
        while (pos != std::string::npos) {
          std::size_t next = r.find("HTTP/1.1 ", pos + 1);
          console::log(
              httptest::show(r.substr(pos, next == std::string::npos ? next : next - pos)));
          pos = next;
        }
        c->end();
      }
    });
    c->on("close", [server](bool) { server->close([] { console::log("closed"); }); });
  });
}
