// Seed, 多线程: MessageChannel, a two-way asynchronous channel (port1 → port2 and back).
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

#include <memory>

using namespace nodecc;
using worker_threads::MessageChannel;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto [port1, port2] = MessageChannel();

    // port1 sends to port2
    port1->postMessage(Object{{"carName", "BYD"}});

    port2->on("message",
              [](const Value& message) { console::log("I receive message is ", message); });

    // port2 sends to port1
    port2->postMessage(Object{{"personality", "Brave"}});
    port1->on("message",
              [](const Value& message) { console::log("I receive message is ", message); });

    // Not in the seed: its script never ends (a port with a 'message' listener keeps
    // the loop alive, in Node too). Close the channel once both messages arrived.
    auto received = std::make_shared<int>(0);
    for (auto* port : {port1.get(), port2.get()}) {
      port->on("message", [received, port](const Value&) {
        if (++*received == 2) port->close();
      });
    }
  });
}
