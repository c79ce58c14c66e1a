// Port of worker_message_channel.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
void step3();
}

NODECC_CONFORMANCE_CASE(worker_message_channel) {
  if (!isMainThread()) {
    parentPort()->on("message", [](const Value& m) {
      MessagePortPtr port = m["port"].host<MessagePort>();
      port->postMessage(port ? "works" : "not a port");
    });
  } else {
    {
      MessageChannel channel;
      channel.port1->on("message", [](const Value& m) {
        std::string json;  // JSON.stringify(Array.from(typedArray))
        for (std::uint8_t b : m["typedArray"].asBuffer())
          json += (json.empty() ? "[" : ",") + std::to_string(b);
        console::log("1: received", json + "]");
      });
      Buffer typedArray = Buffer::from({0, 1, 2, 3, 4});
      channel.port2->postMessage(Object{{"typedArray", typedArray}}, {typedArray});
      console::log("1: sender byteLength after transfer", typedArray.byteLengthOfStorage());
      channel.port2->close();
    }
    {
      MessageChannel channel;
      channel.port1->on("close", [] {
        console::log("2: port1 close");
        step3();
      });
      channel.port2->on("close", [] { console::log("2: port2 close"); });
      channel.port2->close();
      channel.port1->ref();
    }
  }
}

namespace {
void step3() {
  MessageChannel channel;
  auto w = Worker::create(nodecc_case_worker_message_channel);
  w->postMessage(Object{{"port", channel.port2}}, {channel.port2});
  console::log("3: port1 is a MessagePort", channel.port1 != nullptr);
  channel.port1->on("message", [w, port1 = channel.port1.get()](const Value& message) {
    console::log("3: port1 got", message);
    w->terminate();
    port1->close();
  });
  w->on("exit", [](int code) { console::log("3: worker exit", code); });
}
}  // namespace
