// Port of worker_workerdata_messageport.js.
#include "conformance.h"
#include "nodecc/worker_threads.h"

using namespace nodecc;
using namespace nodecc::worker_threads;

namespace {
void bytes();
void missing();
// JSON.stringify(Array.from(bytes))
std::string toJson(const Buffer& b) {
  std::string json;
  for (std::uint8_t x : b) json += (json.empty() ? "[" : ",") + std::to_string(x);
  return json + "]";
}
}  // namespace

NODECC_CONFORMANCE_CASE(worker_workerdata_messageport) {
  if (!isMainThread()) {
    if (workerData()["kind"] == Value("ports")) {
      workerData()["message"].host<MessagePort>()->postMessage("hello through port 1");
      workerData()["message2"].host<MessagePort>()->postMessage("hello through port 2");
    } else {
      parentPort()->postMessage(workerData());
    }
  } else {
    MessageChannel channel1;
    MessageChannel channel2;
    Value data =
        Object{{"kind", "ports"}, {"message", channel1.port1}, {"message2", channel2.port1}};
    TransferList transferList{channel1.port1, channel2.port1};
    Worker::create(nodecc_case_worker_workerdata_messageport,
                   {.workerData = data, .transferList = transferList})
        ->on("exit", [p1 = channel1.port2, p2 = channel2.port2](int code) {
          console::log("ports worker exit", code);
          p1->once("message", [p2](const Value& m) {
            console::log("channel1:", m);
            p2->once("message", [](const Value& m2) {
              console::log("channel2:", m2);
              bytes();
            });
          });
        });
  }
}

namespace {
void bytes() {
  Buffer uint8Array = Buffer::from({1, 2, 3, 4});
  auto w = Worker::create(nodecc_case_worker_workerdata_messageport,
                          {.workerData = uint8Array, .transferList = {uint8Array}});
  console::log("sender length after transfer", uint8Array.length());
  w->on("message",
        [](const Value& message) { console::log("echoed", toJson(message.asBuffer())); });
  w->on("exit", [](int code) {
    console::log("bytes worker exit", code);
    missing();
  });
}

void missing() {
  MessageChannel channel1;
  MessageChannel channel2;
  Value workerData = Object{{"message", channel1.port1}, {"message2", channel2.port1}};
  try {
    Worker::create(nodecc_case_worker_workerdata_messageport,
                   {.workerData = workerData, .transferList = {}});
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
}
}  // namespace
