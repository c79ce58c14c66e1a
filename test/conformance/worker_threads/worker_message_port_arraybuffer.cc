// Port of worker_message_port_arraybuffer.js. A Buffer is the byte view; the
// Uint32Array element is read with the host's byte order, as a typed array does.
#include "conformance.h"
#include "nodecc/worker_threads.h"

#include <cstring>

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", v);
  return buf;
}
}  // namespace

NODECC_CONFORMANCE_CASE(worker_message_port_arraybuffer) {
  auto [port1, port2] = MessageChannel();

  Buffer arrayBuffer = Buffer::alloc(40);
  std::uint32_t first = 0x12345678;
  std::memcpy(arrayBuffer.data(), &first, sizeof first);

  port1->postMessage(arrayBuffer, {arrayBuffer});
  console::log("sender byteLength", arrayBuffer.byteLengthOfStorage(), "length",
               arrayBuffer.length() / 4);
  port2->on("message", [port2 = port2.get()](const Value& received) {
    std::uint32_t v;
    std::memcpy(&v, received.asBuffer().data(), sizeof v);
    console::log("received[0] = 0x" + hex(v), "byteLength", received.asBuffer().length());
    port2->close([] { console::log("port2 closed"); });
  });
  port1->on("close", [] { console::log("port1 closed"); });
}
