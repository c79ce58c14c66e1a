// Port of seed_nexttick_async_callback.js. JS's `var client` (undefined until assigned)
// is a shared_ptr that is null until assigned.
#include <memory>

#include "conformance.h"

using namespace nodecc;

namespace {
struct Client {
  void write(const std::string& s) { console::log("client.write", s); }
};
using ClientPtr = std::shared_ptr<Client>;

template <class F>
ClientPtr connect(int /*port*/, F cb) {
  auto client = std::make_shared<Client>();
  cb();  // synchronous callback: the caller's variable is not assigned yet
  return client;
}
const char* typeOf(const ClientPtr& c) { return c ? "object" : "undefined"; }

ClientPtr client;
ClientPtr client2;
}  // namespace

NODECC_CONFORMANCE_CASE(seed_nexttick_async_callback) {
  client = connect(3000, [] { console::log("sync callback sees client:", typeOf(client)); });
  client2 = connect(3000, [] {
    process::nextTick([] {
      console::log("nextTick callback sees client:", typeOf(client2));
      client2->write("world");
    });
  });
  console::log("connect returned", typeOf(client), typeOf(client2));
}
