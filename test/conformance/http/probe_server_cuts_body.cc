#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

namespace {
const std::map<std::string, std::string> answers = {
    {"/chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"},
    {"/length", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"},
    {"/eof", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello world"},
};

void get(net::ServerPtr server, std::string path, std::function<void()> next) {
  http::RequestOptions o;
  o.host = "127.0.0.1";
  o.port = server->address()->port;
  o.path = path;
  o.agent = false;
  auto req = http::get(o, [path](http::IncomingMessagePtr res) {
    auto body = std::make_shared<std::string>();
    res->setEncoding("utf8");
    res->on("data", [body](const std::string& d) { *body += d; });
    res->on("aborted", [path, res] { console::log(path, "res aborted", res->complete); });
    res->on("error",
            [path](const Error& e) { console::log(path, "res error", e.code, e.message); });
    res->on("end", [path, res, body] {
      console::log(path, "res end", Value(*body).stringify(), res->complete);
    });
    res->on("close", [path, res, body] {
      console::log(path, "res close", Value(*body).stringify(), res->complete, res->aborted,
                   res->destroyed());
    });
  });
  req->on("error", [path](const Error& e) { console::log(path, "req error", e.code, e.message); });
  req->on("close", [path, req, next] {
    console::log(path, "req close", req->destroyed);
    setImmediate(next);
  });
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_server_cuts_body) {
  auto server = net::createServer([](net::SocketPtr s) {
    auto head = std::make_shared<std::string>();
    s->setEncoding("latin1");
    s->on("data", [s, head](const std::string& d) {
      *head += d;
      if (head->size() >= 4 && head->compare(head->size() - 4, 4, "\r\n\r\n") == 0) {
        std::size_t a = head->find(' ');
        std::size_t b = head->find(' ', a + 1);
        s->end(answers.at(head->substr(a + 1, b - a - 1)));
      }
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    get(server, "/chunked", [server] {
      get(server, "/length", [server] {
        get(server, "/eof", [server] { server->close([] { console::log("closed"); }); });
      });
    });
  });
}
