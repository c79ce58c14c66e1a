#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

namespace {
template <class F>
void tryIt(const std::string& label, F fn) {
  try {
    auto r = fn();
    console::log(label, "returned", r);
  } catch (const Error& e) {
    console::log(label, e.code, e.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe_outgoing_errors) {
  http::ServerOptions so;
  so.rejectNonStandardBodyWrites = true;
  auto server =
      http::createServer(so, [](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
        http::OutgoingMessage* self = res.get();
        if (req->url == "/strict") {
          res->strictContentLength = true;
          res->writeHead(200, {{"Content-Length", 5}});
          tryIt("write 3", [res] { return res->write("abc"); });
          tryIt("write 3 more", [res] { return res->write("def"); });
          tryIt("end 1", [res, self] { return &res->end("x") == self; });
          res->end("de");
        } else if (req->url == "/strict-end") {
          res->strictContentLength = true;
          res->setHeader("Content-Length", 4);
          res->write("ab");
          tryIt("end()", [res, self] { return &res->end() == self; });
          console::log("writableEnded", res->writableEnded());
          res->end("cd");
        } else if (req->url == "/trailer") {
          res->setHeader("Trailer", "X-T");
          res->setHeader("Content-Length", 2);
          tryIt("writeHead 201", [res] { return &res->writeHead(201) == res.get(); });
          console::log("after", res->statusCode, res->statusMessage, res->headersSent());
          res->removeHeader("Trailer");
          res->statusCode = 202;
          res->end("ok");
        } else if (req->method == "HEAD") {
          tryIt("HEAD write", [res] { return res->write("x"); });
          tryIt("HEAD end data", [res, self] { return &res->end("y") == self; });
          res->end();
        } else {
          res->on("finish", [res] {
            res->end([](std::optional<Error> err) {
              console::log("end after finish", err ? Value(err->code) : Value(undefined),
                           err ? Value(err->message) : Value(undefined));
            });
            console::log("end after finish returned");
          });
          res->end("done");
        }
      });
  static const std::vector<std::string> reqs = {"GET /strict", "GET /strict-end", "GET /trailer",
                                                "HEAD /head", "GET /fin"};
  server->listen(0, "127.0.0.1", [server] {
    auto i = std::make_shared<std::size_t>(0);
    auto next = std::make_shared<std::function<void()>>();
    *next = [server, i, next] {
      if (*i == reqs.size()) {
        server->close([] { console::log("closed"); });
        *next = nullptr;  // the recursion ends: let go of itself
        return;
      }
      httptest::raw(server->address()->port, reqs[(*i)++] + " HTTP/1.1\r\nHost: a\r\n\r\n",
                    [next](std::string r) {
                      console::log(httptest::show(r));
                      (*next)();
                    });
    };
    (*next)();
  });
}
