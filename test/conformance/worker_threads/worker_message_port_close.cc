// Port of worker_message_port_close.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_message_port_close) {
  MessageChannel a;
  a.port2->on("message", [](const Value& m) { console::log("a.port2 message", m); });
  a.port1->on("close", [] { console::log("a.port1 close"); });
  a.port2->on("close", [] { console::log("a.port2 close"); });
  a.port1->postMessage(1);
  a.port1->postMessage(2);
  a.port1->close();
  a.port1->close();
  a.port1->postMessage(3);
  console::log("posting to a closed port did not throw");

  MessageChannel b;
  b.port1->on("message", [](const Value& m) { console::log("b.port1 message (dropped)", m); });
  b.port2->postMessage("x");
  b.port1->close([] { console::log("b.port1 close callback"); });
  b.port2->on("close", [] { console::log("b.port2 close"); });
  b.port2->ref();

  process::nextTick([] { console::log("tick"); });
  setImmediate([] { console::log("immediate"); });
  process::on("exit", [](int) { console::log("exit"); });
}
