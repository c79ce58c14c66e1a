// The seed's http example (section "http"), ported line by line:
//
//   http.createServer(function (req, res) {
//     let url = req.url
//     res.writeHead(200, {'Content-Type': 'text/html'});
//     if (url == "/") res.end("hello world");
//     else if (url == "/a") res.end("you get a");
//     else { res.statusCode = 404; res.end("not found"); }
//     res.end(txt);
//   }).listen(8080);
//
// What Node does with it, this port does too:
// * writeHead() has already fixed the status line, so `res.statusCode = 404` changes nothing:
//   every route answers 200 (with Transfer-Encoding: chunked, since the head was stored before
//   end() knew the body's length);
// * `txt` is not defined, so `res.end(txt)` throws a ReferenceError after the response is
//   written; nothing catches it and the process exits with code 1 after the first request.
//
// Usage: server [port] [--exit-after MS]. Port 8080 by default; --exit-after closes the
// server after MS ms if no request came (for tests).
#include <string>

#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& argv = process::argv();
    int port = 8080;
    double exitAfter = 0;
    for (std::size_t i = 2; i < argv.size(); ++i) {
      if (argv[i] == "--exit-after" && i + 1 < argv.size())
        exitAfter = std::stod(argv[++i]);
      else
        port = std::stoi(argv[i]);
    }
    auto server = http::createServer([](http::IncomingMessagePtr req, http::ServerResponsePtr res) {
      std::string url = req->url;
      res->writeHead(200, {{"Content-Type", "text/html"}});
      if (url == "/") {
        res->end("hello world");
      } else if (url == "/a") {
        res->end("you get a");
      } else {
        res->statusCode = 404;
        res->end("not found");
      }
      // res.end(txt): `txt` is undefined in the seed.
      Error e("txt is not defined");
      e.name = "ReferenceError";
      throw e;
    });
    server->listen(port,
                   [server] { console::log("http server listening on", server->address()->port); });
    if (exitAfter > 0) {
      setTimeout([server] { server->close(); }, exitAfter)->unref();
    }
  });
}
