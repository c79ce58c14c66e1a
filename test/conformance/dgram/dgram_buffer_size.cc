// Port of dgram_buffer_size.js.
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_buffer_size) {
  auto s = dgram::createSocket({.type = "udp4", .recvBufferSize = 65536, .sendBufferSize = 32768});
  s->bind(0, [s] {
    console::log("recv", s->getRecvBufferSize());
    console::log("send", s->getSendBufferSize());
    s->setRecvBufferSize(100000);
    s->setSendBufferSize(50000);
    console::log("recv", s->getRecvBufferSize());
    console::log("send", s->getSendBufferSize());
    try {
      s->setRecvBufferSize(1LL << 31);
    } catch (const Error& err) {
      console::log(err.name + " " + err.code + " " + err.message);
    }
    try {
      s->setSendBufferSize(1LL << 32);
    } catch (const Error& err) {
      console::log(err.name + " " + err.code + " " + err.message);
    }
    console::log("queue", s->getSendQueueSize(), s->getSendQueueCount());
    s->close();
  });
}
