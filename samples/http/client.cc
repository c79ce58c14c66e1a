// An http.get client: prints the status, the headers and the body of one URL.
//
//   http.get(url, (res) => {
//     console.log(res.statusCode, res.statusMessage);
//     console.log(res.headers);
//     res.setEncoding('utf8');
//     let body = '';
//     res.on('data', (d) => body += d);
//     res.on('end', () => console.log(body));
//   }).on('error', (e) => console.error(e.message));
//
// Usage: client [url] (default http://localhost:8080/).
#include <string>

#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    const auto& argv = process::argv();
    std::string url = argv.size() > 2 ? argv[2] : "http://localhost:8080/";
    auto req = http::get(url, [](http::IncomingMessagePtr res) {
      console::log(res->statusCode, res->statusMessage);
      console::log(res->headers());
      res->setEncoding("utf8");
      auto body = std::make_shared<std::string>();
      res->on("data", [body](const std::string& d) { *body += d; });
      res->on("end", [body] { console::log(*body); });
    });
    req->on("error", [](const Error& e) {
      console::error(e.message);
      process::exitCode = 1;
    });
  });
}
