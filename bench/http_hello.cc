// bench/http_hello.cc — the "hello world" HTTP server that bench/recipes/http.py loads with wrk;
// twin of bench/node/http_hello.js. `--port N` (default 8080).
#include <string>

#include "nodecc/http.h"
#include "nodecc/nodecc.h"

using namespace nodecc;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    int port = 8080;
    const auto& args = process::argv();
    for (std::size_t i = 2; i + 1 < args.size(); ++i) {
      if (args[i] == "--port") port = std::stoi(args[i + 1]);
    }
    auto server = http::createServer(
        [](http::IncomingMessagePtr, http::ServerResponsePtr res) { res->end("hello world"); });
    server->listen(port, "127.0.0.1");
  });
}
