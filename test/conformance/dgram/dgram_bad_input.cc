// Port of dgram_bad_input.js.
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
    console::log(what + ": " + err.name + " " + (err.code.empty() ? "undefined" : err.code) + " " +
                 err.message);
  }
}
}  // namespace

NODECC_CONFORMANCE_CASE(dgram_bad_input) {
  show("bad type", [] { dgram::createSocket("udp5"); });
  auto s = dgram::createSocket("udp4");
  show("port 0", [&] { s->send("x", 0, "127.0.0.1"); });
  show("port 65536", [&] { s->send("x", 65536, "127.0.0.1"); });
  show("port -1", [&] { s->send("x", -1, "127.0.0.1"); });
  show("no port", [&] { s->send("x"); });
  show("offset out of bounds", [&] { s->send("abc", 4, 0, 9, "127.0.0.1"); });
  show("length out of bounds", [&] { s->send("abc", 1, 3, 9, "127.0.0.1"); });
  show("buffer size -1", [&] { s->setRecvBufferSize(-1); });
  show("buffer size unbound", [&] { s->getRecvBufferSize(); });
  show("send buffer size unbound", [&] { s->setSendBufferSize(8192); });
  show("address unbound", [&] { s->address(); });
  show("setTTL unbound", [&] { s->setTTL(5); });
  show("addMembership empty", [&] { s->addMembership(""); });
  show("connect port 65536", [&] { s->connect(65536); });
  s->bind(0, [s] {
    show("bind twice", [&] { s->bind(0); });
    s->close([s] {
      console::log("closed");
      show("send after close", [&] { s->send("x", 9, "127.0.0.1"); });
      show("close twice", [&] { s->close(); });
      show("address after close", [&] { s->address(); });
      show("bind after close", [&] { s->bind(0); });
      show("setTTL after close", [&] { s->setTTL(5); });
      show("setBroadcast after close", [&] { s->setBroadcast(true); });
      show("addMembership after close", [&] { s->addMembership("224.0.0.114"); });
      show("getRecvBufferSize after close", [&] { s->getRecvBufferSize(); });
      show("ref after close", [&] { s->ref(); });
      show("unref after close", [&] { s->unref(); });
    });
  });
  show("bind while binding", [&] { s->bind(0); });
}
