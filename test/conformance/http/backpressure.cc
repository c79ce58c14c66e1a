#include "conformance.h"
#include "nodecc/http.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(backpressure) {
  static const Buffer chunk = Buffer::alloc(64 * 1024, 'x');
  auto server = http::createServer([](http::IncomingMessagePtr, http::ServerResponsePtr res) {
    auto writes = std::make_shared<int>(0);
    auto drains = std::make_shared<int>(0);
    const int total = 64;
    auto write = std::make_shared<std::function<void()>>();
    *write = [res, writes, drains, total, write] {
      while (*writes < total) {
        (*writes)++;
        if (!res->write(chunk)) {
          if (*drains == 0) {
            console::log("write returned false; needDrain", res->writableNeedDrain(),
                         "queued more than hwm",
                         res->writableLength() >= res->writableHighWaterMark());
          }
          res->once("drain", [drains, write] {
            (*drains)++;
            (*write)();
          });
          return;
        }
      }
      res->end([drains, write] {
        console::log("all written, drained at least once", *drains > 0);
        *write = nullptr;
      });
    };
    (*write)();
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    c->on("connect", [c] { c->write("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"); });
    auto bytes = std::make_shared<std::size_t>(0);
    c->pause();
    setTimeout([c] { c->resume(); }, 100);
    c->on("data", [bytes](const Buffer& d) { *bytes += d.length(); });
    c->on("end", [bytes, server] {
      console::log("client got the whole body", *bytes > 64 * 64 * 1024);
      server->close([] { console::log("closed"); });
    });
  });
}
