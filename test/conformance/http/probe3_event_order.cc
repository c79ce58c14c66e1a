#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Fn = std::function<void()>;
http::AgentPtr agent;
http::ServerPtr server;
template <class M>
std::size_t count(const M& o) {
  std::size_t n = 0;
  for (auto& [k, v] : o) n += v.size();
  return n;
}
std::string state() {
  return "busy " + std::to_string(count(agent->sockets)) + " free " +
         std::to_string(count(agent->freeSockets)) + " total " +
         std::to_string(agent->totalSocketCount);
}
Value strings(const std::vector<std::string>& v) {
  Array a;
  for (const auto& s : v) a.push_back(s);
  return a;
}
void watch(std::string label, int port, http::RequestOptions opts,
           std::function<void(http::ClientRequestPtr)> onReq, Fn next) {
  auto pending = std::make_shared<int>(1);
  auto done = [=] {
    if (--*pending == 0)
      setImmediate([=] {
        console::log(label, "after", state());
        next();
      });
  };
  opts.agent = agent;
  opts.host = "127.0.0.1";
  opts.port = port;
  auto holder = std::make_shared<http::ClientRequestPtr>();
  auto req = http::request(opts, [=](http::IncomingMessagePtr res) {
    ++*pending;
    console::log(label, "response", res->statusCode, res->trailers().stringify(),
                 (*holder)->writableFinished());
    res->setEncoding("utf8");
    res->on("data", [=](const std::string& d) { console::log(label, "data", d); });
    res->on("aborted", [=] { console::log(label, "res aborted"); });
    res->on("error", [=](const Error& e) { console::log(label, "res error", e.code, e.message); });
    res->on("end", [=] {
      console::log(label, "res end", res->complete, res->trailers().stringify(),
                   strings(res->rawTrailers()).stringify());
    });
    res->on("close", [=] {
      console::log(label, "res close", res->complete);
      done();
    });
  });
  *holder = req;
  req->on("socket", [=](net::SocketPtr) { console::log(label, "socket"); });
  req->on("prefinish", [=] { console::log(label, "prefinish"); });
  req->on("finish", [=] { console::log(label, "finish"); });
  req->on("error", [=](const Error& e) { console::log(label, "error", e.code, e.message); });
  req->on("close", [=] {
    console::log(label, "close");
    done();
  });
  onReq(req);
}
void rawCase(std::string label, std::function<void(net::SocketPtr)> answer, Fn next) {
  auto srv = net::createServer(
      [answer](net::SocketPtr s) { s->once("data", [answer, s](const Buffer&) { answer(s); }); });
  srv->listen(0, "127.0.0.1", [=] {
    watch(
        label, srv->address()->port, {}, [](http::ClientRequestPtr req) { req->end(); },
        [srv, next] { srv->close([next] { next(); }); });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_event_order) {
  http::AgentOptions ao;
  ao.keepAlive = true;
  agent = std::make_shared<http::Agent>(ao);
  server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
    if (req->url == "/early") {
      req->resume();
      res->end("early");
      return;
    }
    if (req->url == "/trailers") {
      res->writeHead(200, {{"Trailer", "X-T"}});
      res->write("a");
      res->write("b");
      res->addTrailers({{"X-T", "v"}, {"x-u", Array{"1", "2"}}});
      res->end();
      return;
    }
    auto n = std::make_shared<std::size_t>(0);
    req->on("data", [n](const Buffer& d) { *n += d.length(); });
    req->on("end", [n, res] { res->end("got " + std::to_string(*n)); });
  });
  server->listen(0, "127.0.0.1", [] {
    int port = server->address()->port;
    http::RequestOptions post;
    post.method = "POST";
    post.path = "/post";
    watch(
        "post", port, post,
        [](http::ClientRequestPtr req) {
          req->write("12345");
          req->end("678");
        },
        [port] {
          http::RequestOptions early;
          early.method = "POST";
          early.path = "/early";
          watch(
              "early", port, early,
              [](http::ClientRequestPtr req) {
                req->write("first");
                req->on("response", [req](http::IncomingMessagePtr) {
                  setImmediate([req] { req->end("last"); });
                });
              },
              [port] {
                http::RequestOptions tr;
                tr.path = "/trailers";
                watch(
                    "trailers", port, tr, [](http::ClientRequestPtr req) { req->end(); },
                    [] {
                      rawCase(
                          "noanswer", [](net::SocketPtr s) { s->end(); },
                          [] {
                            rawCase(
                                "short",
                                [](net::SocketPtr s) {
                                  s->end("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd");
                                },
                                [] {
                                  rawCase(
                                      "untilclose",
                                      [](net::SocketPtr s) {
                                        s->end(
                                            "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of "
                                            "it");
                                      },
                                      [] {
                                        agent->destroy();
                                        agent = nullptr;
                                        server->close([] { console::log("closed"); });
                                        server = nullptr;
                                      });
                                });
                          });
                    });
              });
        });
  });
}
