#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
using Next = std::function<void()>;

void hangUp(Next next) {
  auto srv = net::createServer([](net::SocketPtr s) { s->destroy(); });
  srv->listen(0, "127.0.0.1", [srv, next] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = srv->address()->port;
    auto req = http::get(o);
    req->on("error", [](const Error& e) { console::log("hang up:", e.code, e.message); });
    req->on("close", [srv, next] { srv->close(next); });
  });
}

void garbage(Next next) {
  auto srv = net::createServer([](net::SocketPtr s) {
    s->on("data", [s](const Buffer&) { s->end("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n"); });
  });
  srv->listen(0, "127.0.0.1", [srv, next] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = srv->address()->port;
    auto req = http::get(o);
    req->on("response",
            [](http::IncomingMessagePtr) { console::log("garbage: unexpected response"); });
    req->on("error", [](const Error& e) {
      console::log("garbage:", e.code, e.message, e.info["bytesParsed"]);
    });
    req->on("close", [srv, next] { srv->close(next); });
  });
}

void garbage2(Next next) {
  auto srv = net::createServer([](net::SocketPtr s) {
    s->on("data", [s](const Buffer&) { s->end("NOT HTTP AT ALL\r\n\r\n"); });
  });
  srv->listen(0, "127.0.0.1", [srv, next] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = srv->address()->port;
    auto req = http::get(o);
    req->on("error", [](const Error& e) { console::log("garbage2:", e.code, e.message); });
    req->on("close", [srv, next] { srv->close(next); });
  });
}

void refused(Next next) {
  auto srv = net::createServer();
  srv->listen(0, "127.0.0.1", [srv, next] {
    int port = srv->address()->port;
    srv->close([port, next] {
      http::RequestOptions o;
      o.host = "127.0.0.1";
      o.port = port;
      auto req = http::get(o);
      req->on("error", [port](const Error& e) {
        console::log("refused:", e.code, e.syscall,
                     e.message == "connect ECONNREFUSED 127.0.0.1:" + std::to_string(port));
      });
      req->on("close", next);
    });
  });
}

void timeout(Next next) {
  auto srv = http::createServer([](http::IncomingMessagePtr, http::ServerResponsePtr) {});
  srv->listen(0, "127.0.0.1", [srv, next] {
    http::RequestOptions o;
    o.host = "127.0.0.1";
    o.port = srv->address()->port;
    o.timeout = 50;
    auto req = http::get(o);
    req->on("timeout", [req] {
      console::log("timeout: timeout event");
      req->destroy();
    });
    req->on("error", [](const Error& e) { console::log("timeout:", e.code, e.message); });
    req->on("close", [srv, next] { srv->close(next); });
  });
}

void reusedClosed(Next next) {
  // The server answers the first request with keep-alive and closes the connection when the
  // second one arrives on it, as a server whose keep-alive timeout fires just then does.
  auto n = std::make_shared<int>(0);
  auto srv = net::createServer([n](net::SocketPtr s) {
    s->on("data", [s, n](const Buffer&) {
      if ((*n)++ == 0) {
        s->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nfirst");
      } else {
        s->destroy();
      }
    });
  });
  srv->listen(0, "127.0.0.1", [srv, next] {
    http::AgentOptions ao;
    ao.keepAlive = true;
    auto agent = std::make_shared<http::Agent>(ao);
    int port = srv->address()->port;
    http::RequestOptions o;
    o.agent = agent;
    o.host = "127.0.0.1";
    o.port = port;
    http::get(o, [agent, o, srv, next](http::IncomingMessagePtr res) {
      res->resume();
      res->on("end", [agent, o, srv, next] {
        setImmediate([agent, o, srv, next] {
          auto req = http::get(o, [](http::IncomingMessagePtr res2) {
            console::log("reused: unexpected response", res2->statusCode);
          });
          req->on("error", [req](const Error& e) {
            console::log("reused:", e.code, e.message, "reusedSocket", req->reusedSocket);
          });
          req->on("close", [agent, srv, next] {
            agent->destroy();
            srv->close(next);
          });
        });
      });
    });
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(client_errors) {
  auto all = std::make_shared<std::vector<void (*)(Next)>>(
      std::vector<void (*)(Next)>{hangUp, garbage, garbage2, refused, timeout, reusedClosed});
  auto i = std::make_shared<std::size_t>(0);
  auto next = std::make_shared<Next>();
  *next = [all, i, next] {
    if (*i < all->size()) {
      (*all)[(*i)++]([next] { (*next)(); });
    } else {
      console::log("done");
      *next = nullptr;
    }
  };
  (*next)();
}
