// Port of worker_message_port_receive_message.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

NODECC_CONFORMANCE_CASE(worker_message_port_receive_message) {
  auto [port1, port2] = MessageChannel();
  Value message1 = Object{{"hello", "world"}};
  Value message2 = Object{{"foo", "bar"}};

  console::log(receiveMessageOnPort(port2));
  port1->postMessage(message1);
  port1->postMessage(message2);
  console::log(receiveMessageOnPort(port2));
  console::log(receiveMessageOnPort(port2));
  console::log(receiveMessageOnPort(port2));
  console::log(receiveMessageOnPort(port2));

  port2->on("message", [](const Value&) { console::log("message emitted (must not happen)"); });
  port1->postMessage(message1);
  console::log(receiveMessageOnPort(port2));
  port1->close();

  try {
    receiveMessageOnPort(nullptr);
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
}
