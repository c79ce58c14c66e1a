// Port of probe3_cork_pending.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_cork_pending) {
  auto server = net::createServer([](net::SocketPtr s) {
    auto got = std::make_shared<std::string>();
    s->setEncoding("latin1");
    s->on("data", [got](const std::string& d) { *got += d; });
    s->on("end", [s, got] { s->end(Value(*got).stringify()); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    auto info = [c](const char* tag) {
      console::log(tag, "corked", c->writableCorked(), "length", c->writableLength(),
                   "bytesWritten", c->bytesWritten(), "needDrain", c->writableNeedDrain());
    };
    c->cork();
    c->cork();
    c->write("a", [] { console::log("cb a"); });
    c->write("", [] { console::log("cb empty string"); });
    c->write(Buffer::alloc(0), [] { console::log("cb empty buffer"); });
    c->write("ff00", "hex", [] { console::log("cb hex"); });
    c->write("\u00e9", "latin1", [] { console::log("cb latin1"); });
    info("corked twice");
    c->uncork();
    info("uncorked once");
    c->uncork();
    info("uncorked twice");
    c->uncork();
    info("uncorked thrice");
    c->write("z", [] { console::log("cb z (buffered behind the writev)"); });
    info("after z");
    c->on("connect", [c, info] {
      info("connect");
      nextTick([info] { info("tick after connect"); });
      setTimeout(
          [c, info] {
            c->cork();
            c->write("1", [] { console::log("cb 1"); });
            c->write("2", [] { console::log("cb 2"); });
            info("corked after connect");
            c->end("3", [] { console::log("cb end"); });
            info("after end");
          },
          20);
    });
    c->setEncoding("latin1");
    c->on("data", [](const std::string& d) { console::log("echo", d); });
    c->on("finish", [info] { info("finish"); });
    c->on("close", [info, server] {
      info("close");
      server->close();
    });
  });
}
