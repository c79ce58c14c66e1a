#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(set_encoding) {
  Buffer euro = Buffer::from("€");
  auto server = net::createServer([euro](net::SocketPtr s) {
    s->write(euro.subarray(0, 1));
    setTimeout(
        [s, euro] {
          s->write(euro.subarray(1));
          s->end(Buffer::from("ü!"));
        },
        20);
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->setEncoding("utf8");
    console::log("readableEncoding", c->readableEncoding());
    auto parts = std::make_shared<std::string>();
    c->on("data", [parts](const std::string& d) {
      console::log("data", "string", Value(d).stringify());
      *parts += d;
    });
    c->on("end", [parts, server] {
      console::log("joined", *parts);
      server->close();
    });
  });
}
