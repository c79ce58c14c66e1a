// Port of dgram_multicast_loopback.js (test-dgram-multicast-loopback).
#include <nodecc/dgram.h>

#include "conformance.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(dgram_multicast_loopback) {
  auto socket = dgram::createSocket("udp4");
  try {
    socket->setMulticastLoopback(true);
  } catch (const Error& err) {
    console::log(err.toString());
  }
  socket->bind(0);
  socket->on("listening", [socket] {
    console::log("loopback on ->", socket->setMulticastLoopback(true));
    console::log("loopback off ->", socket->setMulticastLoopback(false));
    console::log("multicast ttl ->", socket->setMulticastTTL(0));
    try {
      socket->setMulticastTTL(256);
    } catch (const Error& err) {
      console::log(err.toString(), err.code, *err.errnum);
    }
    console::log("ttl ->", socket->setTTL(64));
    for (int ttl : {0, 256}) {
      try {
        socket->setTTL(ttl);
      } catch (const Error& err) {
        console::log(err.toString(), err.code);
      }
    }
    socket->close();
  });
}
