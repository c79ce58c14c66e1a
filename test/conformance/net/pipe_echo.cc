#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(pipe_echo) {
  auto server = net::createServer([](net::SocketPtr s) { s->pipe(s); });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(server->address()->port, "127.0.0.1");
    auto sink = std::make_shared<stream::PassThrough>();
    auto total = std::make_shared<std::size_t>(0);
    sink->on("data", [total](const Buffer& d) { *total += d.length(); });
    stream::Readable* src = c.get();
    sink->on("pipe", [src](stream::Readable* from) {
      console::log("sink: pipe from socket", from == src);
    });
    sink->on("finish", [total, server] {
      console::log("sink finish, total", *total);
      server->close();
    });
    c->pipe(sink);
    c->write(Buffer::alloc(200000, 7), [] { console::log("written"); });
    setTimeout([c] { c->end(); }, 50);
  });
}
