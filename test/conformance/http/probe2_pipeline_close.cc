#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;
using httptest::mask;
using httptest::show;

NODECC_CONFORMANCE_CASE(probe2_pipeline_close) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    console::log("request", req->url, req->headers()["connection"], "shouldKeepAlive",
                 res->shouldKeepAlive);
    std::string url = req->url;
    std::weak_ptr<http::ServerResponse> wres = res;
    res->on("finish", [url, wres] {
      console::log("finish", url, "headersSent", wres.lock()->headersSent());
    });
    res->on("close", [url] { console::log("res close", url); });
    req->on("close", [url] { console::log("req close", url); });
    auto answer = [req, res] {
      res->setHeader("X-Url", req->url);
      res->end("body" + req->url);
      console::log("ended", req->url, "writableFinished", res->writableFinished());
    };
    if (req->url == "/1")
      setImmediate(answer);
    else if (req->url == "/2")
      answer();
    else
      process::nextTick(answer);
  });
  server->on("connection",
             [](net::SocketPtr s) { s->on("close", [] { console::log("server socket close"); }); });
  const std::string three =
      "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n"
      "GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
  auto run = [server](std::string text, std::function<void()> cb) {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->on("connect", [c, text] { c->write(text); });
    auto got = std::make_shared<std::string>();
    c->setEncoding("latin1");
    c->on("data", [got](const std::string& d) { *got += d; });
    c->on("end", [] { console::log("client end"); });
    c->on("close", [got, cb] {
      std::string r = mask(*got);
      std::size_t pos = r.find("HTTP/1.1 ");
      while (pos != std::string::npos) {
        std::size_t nextPos = r.find("HTTP/1.1 ", pos + 1);
        console::log(
            show(r.substr(pos, nextPos == std::string::npos ? std::string::npos : nextPos - pos)));
        pos = nextPos;
      }
      cb();
    });
  };
  server->listen(0, "127.0.0.1", [server, run, three] {
    run(three, [server, run, three] {
      console::log("--- with a fourth request");
      run(three + "GET /4 HTTP/1.1\r\nHost: a\r\n\r\n",
          [server] { server->close([] { console::log("closed"); }); });
    });
  });
}
