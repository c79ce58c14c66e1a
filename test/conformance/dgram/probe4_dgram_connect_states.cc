// Port of probe4_dgram_connect_states.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

namespace {
template <class F>
void show(const std::string& what, F&& fn) {
  try {
    fn();
    console::log(what + ": ok");
  } catch (const Error& err) {
    console::log(what + ": " + err.name + " " + err.code + " " + err.message);
  }
}
std::string str(const std::optional<Error>& e) { return e ? e->toString() : "null"; }
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_dgram_connect_states) {
  auto peer = dgram::createSocket("udp4");
  auto stranger = dgram::createSocket("udp4");
  dgram::Socket* pp = peer.get();
  peer->bind(0, "127.0.0.1", [pp, sp = stranger] {
    int port = pp->address().port;
    auto c = dgram::createSocket("udp4");
    dgram::Socket* cp = c.get();
    c->on("listening", [] { console::log("c listening"); });
    c->on("connect", [] { console::log("c connect event"); });
    c->connect(port, "nosuch.invalid", [cp, pp, sp, port](std::optional<Error> err) {
      console::log("bad host callback: " + err->code + " " + err->syscall + " " +
                   err->info["hostname"].asString());
      console::log("connect listeners: " + std::to_string(cp->listenerCount("connect")));
      show("remoteAddress after failure", [&] { cp->remoteAddress(); });
      cp->once("error", [cp, pp, sp, port](const Error& err) {
        console::log("error event: " + err.code);
        cp->connect(port, [cp, pp, sp, port] {
          console::log("connected to localhost");
          console::log("remote " + cp->remoteAddress().address + " " +
                       (cp->remoteAddress().port == port ? "true" : "false"));
          show("send with port", [&] { cp->send("x", port); });
          show("send with offset, length, port", [&] { cp->send("xyz", 0, 1, port, {}, [] {}); });
          sp->send("from stranger", cp->address().port, "127.0.0.1",
                   [cp, pp](std::optional<Error> err) {
                     console::log("stranger sent " + str(err));
                     pp->send("from peer", cp->address().port, "127.0.0.1");
                   });
          cp->send(Buffer::alloc(65507), [](std::optional<Error> err, std::size_t n) {
            console::log("65507: " + str(err) + " " + std::to_string(n));
          });
          cp->send(Buffer::alloc(65508), [](std::optional<Error> err, std::size_t) {
            console::log("65508: " + (err ? err->code : std::string("null")) + " undefined");
          });
          cp->send(Buffer::alloc(0), [](std::optional<Error> err, std::size_t n) {
            console::log("empty: " + str(err) + " " + std::to_string(n));
          });
        });
      });
      cp->connect(port, "nosuch.invalid");
    });
    show("connect twice", [&] { c->connect(port); });
    show("disconnect while connecting", [&] { c->disconnect(); });
    show("remoteAddress while connecting", [&] { c->remoteAddress(); });
    show("send without port while connecting", [&] { c->send("y"); });
    auto sizes = std::make_shared<std::vector<std::size_t>>();
    pp->on("message", [sizes](Buffer, dgram::RemoteInfo rinfo) {
      sizes->push_back(rinfo.size);
      if (sizes->size() == 2) {
        console::log("peer got sizes " + std::to_string((*sizes)[0]) + "," +
                     std::to_string((*sizes)[1]));
      }
    });
    c->on("message", [cp, pp, sp](Buffer msg) {
      console::log("c got " + msg.toString());
      if (msg.toString() == "from peer") {
        cp->close();
        pp->close();
        sp->close([] { console::log("all closed"); });
      }
    });
  });
}
