#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
std::string rawJson(const std::vector<std::string>& v) {
  Array a;
  for (auto& s : v) a.push_back(Value(s));
  return Value(std::move(a)).stringify();
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_max_headers_count) {
  auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    req->resume();
    std::weak_ptr<http::IncomingMessage> wreq = req;
    req->on("end", [wreq, res] {
      auto req = wreq.lock();
      console::log(req->url, "rawHeaders", rawJson(req->rawHeaders()));
      console::log(req->url, "headers", req->headers().stringify());
      console::log(req->url, "rawTrailers", rawJson(req->rawTrailers()));
      console::log(req->url, "trailers", req->trailers().stringify());
      res->end("ok");
    });
  });
  auto reqText = [](std::string url) {
    return "POST " + url +
           " HTTP/1.1\r\nHost: a\r\nX-One: 1\r\nX-Two: 2\r\n"
           "X-Three: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT-A: a\r\nT-B: "
           "b\r\nT-C: c\r\n\r\n";
  };
  using Step = std::pair<std::string, std::function<void()>>;
  auto send = [reqText](int port, std::vector<Step> urls, std::function<void()> cb) {
    auto c = net::connect(port, "127.0.0.1");
    auto got = std::make_shared<std::string>();
    auto i = std::make_shared<std::size_t>(0);
    auto steps = std::make_shared<std::vector<Step>>(std::move(urls));
    std::weak_ptr<net::Socket> wc = c;
    auto next = std::make_shared<std::function<void()>>();
    *next = [wc, i, steps, reqText] {
      auto c = wc.lock();
      if (*i == steps->size()) {
        c->end();
        return;
      }
      auto& [url, before] = (*steps)[(*i)++];
      if (before) before();
      c->write(reqText(url));
    };
    c->on("connect", [next] { (*next)(); });
    c->setEncoding("latin1");
    c->on("data", [got, next](const std::string& d) {
      *got += d;
      if (got->size() >= 6 && got->compare(got->size() - 6, 6, "\r\n\r\nok") == 0) {
        got->clear();
        (*next)();
      }
    });
    c->on("close", [cb, next] {
      *next = nullptr;
      cb();
    });
  };
  server->maxHeadersCount = 2;
  server->listen(0, "127.0.0.1", [server, send] {
    int port = server->address()->port;
    std::weak_ptr<http::Server> weak = server;
    send(port, {{"/two", {}}, {"/changed-later", [weak] { weak.lock()->maxHeadersCount = 4; }}},
         [server, send, port] {
           send(port, {{"/four", {}}}, [server, send, port] {
             server->maxHeadersCount = 0;
             send(port, {{"/zero", {}}}, [server, send, port] {
               server->maxHeadersCount = std::nullopt;
               send(port, {{"/null", {}}},
                    [server] { server->close([] { console::log("closed"); }); });
             });
           });
         });
  });
}
