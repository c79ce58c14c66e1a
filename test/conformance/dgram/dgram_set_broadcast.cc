// Port of dgram_set_broadcast.js (test-dgram-setBroadcast).
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_set_broadcast) {
  auto throwsOnUnbound = dgram::createSocket("udp4");
  try {
    throwsOnUnbound->setBroadcast(false);
    console::log("no throw");
  } catch (const Error& err) {
    console::log(err.name + " " + err.code + " " + std::to_string(*err.errnum) + " " + err.syscall +
                 ": " + err.message);
  }

  auto socket = dgram::createSocket("udp4");
  socket->on("listening", [socket] {
    socket->setBroadcast(true);
    socket->setBroadcast(false);
    console::log("set true and false after bind");
    socket->close([] { console::log("closed"); });
  });
  socket->bind(0);
}
