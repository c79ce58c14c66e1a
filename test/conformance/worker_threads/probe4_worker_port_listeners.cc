// Port of probe4_worker_port_listeners.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
MessagePortPtr port1, port2;
Listener onMessage;
void step3() {
  port1->ref();
  port1->on("close", [] {
    console::log("port1 close");
    port1->postMessage("to nowhere");
    console::log("post on closed port1 ok");
  });
  port2->on("close", [] { console::log("port2 close", port2->hasRef()); });
  port1->postMessage(Object{{"i", 6}});
  port2->close();
  console::log("close called; receive now", receiveMessageOnPort(port2));
  port2->postMessage("after close");
  process::nextTick([] { console::log("tick"); });
}
void step2() {
  console::log("after the pause: receive", receiveMessageOnPort(port2));
  port2->ref();
  console::log("hasRef after ref()", port2->hasRef());
  port2->unref();
  auto seen = std::make_shared<std::string>();
  onMessage = makeListener([seen](const Value& m) {
    *seen += (seen->empty() ? "" : ",") + std::to_string(m["i"].asInt());
    if (m["i"].asInt() == 5) {
      port2->off("message", onMessage);
      onMessage.reset();
      console::log("seen", *seen, "hasRef after off", port2->hasRef());
      step3();
    }
  });
  port2->on("message", onMessage);
  console::log("listener added; hasRef", port2->hasRef());
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe4_worker_port_listeners) {
  MessageChannel ch;
  port1 = ch.port1;
  port2 = ch.port2;
  console::log("hasRef initially", port2->hasRef());
  for (int i = 1; i <= 5; i++) port1->postMessage(Object{{"i", i}});
  port2->once("message", [](const Value& m) {
    console::log("once got", m["i"], "hasRef", port2->hasRef());
    setTimeout(step2, 20);
  });
  console::log("hasRef with a listener", port2->hasRef());
  process::on("exit", [](int) {
    console::log("exit");
    port1.reset();
    port2.reset();
  });
}
