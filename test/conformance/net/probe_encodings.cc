// Port of probe_encodings.js.
#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe_encodings) {
  auto server = net::createServer({.allowHalfOpen = true}, [](net::SocketPtr s) {
    s->setEncoding("base64");
    auto got = std::make_shared<std::string>();
    s->on("data", [got](const std::string& d) { *got += d; });
    s->on("end", [s, got] {
      console::log("server got base64", *got, "readyState", s->readyState(), "bytesRead",
                   s->bytesRead());
      s->write("c3VwZXI=", "base64");
      s->end("20e282ac", "hex", [s](std::optional<Error>) {
        console::log("server end cb; bytesWritten", s->bytesWritten());
      });
    });
  });
  server->listen(0, "127.0.0.1", [server] {
    auto c = net::connect(net::ConnectOptions{
        .port = server->address()->port, .host = "127.0.0.1", .allowHalfOpen = true});
    console::log("initial", c->readyState(), "bytesWritten", c->bytesWritten());
    try {
      c->write("x", "bogus");
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    try {
      c->setEncoding("nope");
    } catch (const Error& e) {
      console::log(e.name, e.code, e.message);
    }
    c->write("cafe", "hex");
    console::log("after hex write", c->bytesWritten());
    c->write("aGVsbG8=", "base64");
    console::log("after base64 write", c->bytesWritten());
    c->write("\u20ac", "latin1");
    c->write("hi\u20ac", "utf16le");
    console::log("after latin1+utf16le", c->bytesWritten());
    c->on("connect", [c] {
      console::log("connect", c->readyState());
      c->end("ff", "hex", [c](std::optional<Error>) {
        console::log("client end cb; bytesWritten", c->bytesWritten(), c->readyState());
      });
      console::log("after end()", c->readyState(), "bytesWritten", c->bytesWritten());
    });
    c->setEncoding("utf8");
    auto text = std::make_shared<std::string>();
    c->on("data", [text](const std::string& d) { *text += d; });
    c->on("end", [c, text] {
      console::log("client got", Value(*text).stringify(), c->readyState(), "bytesRead",
                   c->bytesRead());
    });
    c->on("close", [c, server](bool e) {
      console::log("client close", e, c->readyState(), "bytesRead", c->bytesRead(), "bytesWritten",
                   c->bytesWritten());
      server->close();
    });
  });
}
