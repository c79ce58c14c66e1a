#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(backpressure) {
  auto server = net::createServer([](net::SocketPtr s) {
    setTimeout([s] { s->resume(); }, 50);
    s->on("end", [s] { s->end(); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = std::make_shared<net::SocketPtr>();
    *c = net::connect(server->address()->port, "127.0.0.1", [c] {
      Buffer chunk = Buffer::alloc(64 * 1024, 1);
      int writes = 0;
      bool ret;
      do {
        ret = (*c)->write(chunk);
        writes++;
      } while (ret && writes < 1000);
      console::log("write returned false after some writes", ret == false, "needDrain",
                   (*c)->writableNeedDrain());
      console::log("writableLength >= highWaterMark",
                   (*c)->writableLength() >= (*c)->writableHighWaterMark(),
                   (*c)->writableHighWaterMark());
      (*c)->once("drain", [c] {
        console::log("drain; writableLength", (*c)->writableLength(), "needDrain",
                     (*c)->writableNeedDrain());
        (*c)->end();
      });
    });
    (*c)->on("close", [server, c] {
      console::log("close");
      server->close();
      c->reset();
    });
  });
}
