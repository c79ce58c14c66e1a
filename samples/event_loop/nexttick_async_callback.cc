// Seed process.nextTick use case 2 — keep callbacks asynchronous.
//
//   var client = net.connect(3000, function() { client.write("world"); });
//
// If connect() called back synchronously, `client` would still be undefined in the
// callback. Deferring the callback's body with process.nextTick makes it safe:
//
//   var client = net.connect(3000, function() {
//     process.nextTick(() => { client.write("world"); });
//   });
//
// `connect` below is such a sometimes-synchronous API (it calls back before returning),
// so the program runs without a server.
#include <nodecc/nodecc.h>

#include <memory>

using namespace nodecc;

namespace {
struct Client {
  void write(const std::string& s) { console::log("client.write", s); }
};
using ClientPtr = std::shared_ptr<Client>;

template <class F>
ClientPtr connect(int /*port*/, F callback) {
  auto client = std::make_shared<Client>();
  callback();  // synchronous: the caller's variable is not assigned yet
  return client;
}

ClientPtr client;
ClientPtr client2;
}  // namespace

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    client = connect(3000, [] {
      console::log("synchronous callback: client is", client ? "set" : "undefined");
    });
    client2 = connect(3000, [] {
      process::nextTick([] {
        console::log("nextTick callback: client is", client2 ? "set" : "undefined");
        client2->write("world");
      });
    });
  });
}
