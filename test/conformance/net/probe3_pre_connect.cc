// Port of probe3_pre_connect.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe3_pre_connect) {
  auto server = net::createServer([](net::SocketPtr s) {
    auto got = std::make_shared<std::string>();
    s->setEncoding("utf8");
    s->on("data", [got](const std::string& d) { *got += d; });
    s->on("end", [s, got] { s->end("got:" + *got); });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1",
                          [] { console::log("connect cb (first listener)"); });
    console::log("state", c->readyState(), c->pending(), c->connecting(), "bufferSize",
                 c->bufferSize());
    bool r1 = c->write("aa", [c] { console::log("write aa cb; bytesWritten", c->bytesWritten()); });
    bool r2 = c->write(Buffer::from("bbb"),
                       [](std::optional<Error> err) { console::log("write bbb cb", err); });
    console::log("returns", r1, r2, "bytesWritten", c->bytesWritten(), "writableLength",
                 c->writableLength(), "bufferSize", c->bufferSize());
    c->on("connect", [c] {
      console::log("connect listener 2; writableLength", c->writableLength(), "bytesWritten",
                   c->bytesWritten(), c->readyState());
    });
    c->on("ready", [c] { console::log("ready; writableLength", c->writableLength()); });
    c->end("cccc", [c] { console::log("end cb", c->readyState(), c->writableFinished()); });
    console::log("after end", c->readyState(), c->writableEnded(), "bytesWritten",
                 c->bytesWritten(), "writableLength", c->writableLength());
    c->pause();
    console::log("paused", c->isPaused(), c->readableFlowing());
    c->on("data", [c](const Buffer& d) {
      console::log("data", d.toString(), "flowing", c->readableFlowing());
    });
    c->on("finish", [c] {
      console::log("finish", c->readyState(), "bytesWritten", c->bytesWritten());
      setTimeout(
          [c] {
            console::log("before resume: readableLength > 0", c->readableLength() > 0,
                         c->readyState());
            c->resume();
            console::log("after resume", c->isPaused(), c->readableFlowing());
          },
          50);
    });
    c->on("end", [c] { console::log("end", c->readyState(), c->readable(), c->writable()); });
    c->on("close", [c, server](bool e) {
      console::log("close", e, c->readyState(), "bytesRead", c->bytesRead(), "bytesWritten",
                   c->bytesWritten());
      server->close([] { console::log("server closed"); });
    });
  });
}
