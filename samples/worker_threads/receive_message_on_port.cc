// Seed, 多线程: receiveMessageOnPort takes one message from a port synchronously; each
// message is received once.
#include <nodecc/nodecc.h>
#include <nodecc/worker_threads.h>

using namespace nodecc;
using worker_threads::MessageChannel;
using worker_threads::receiveMessageOnPort;

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    auto [port1, port2] = MessageChannel();
    port1->postMessage(Object{{"Name", "freePHP"}});

    Value result = receiveMessageOnPort(port2);
    console::log(result);
    Value result2 = receiveMessageOnPort(port2);
    console::log(result2);
  });
}
