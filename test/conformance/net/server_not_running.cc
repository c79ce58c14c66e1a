#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(server_not_running) {
  auto s = net::createServer();
  s->on("close", [] { console::log("close event"); });
  s->close([](std::optional<Error> err) {
    console::log("callback", err->name, err->code, err->message);
  });
  auto t = net::createServer();
  t->listen(0, "127.0.0.1", [t] {
    try {
      t->listen(0);
    } catch (const Error& e) {
      console::log(e.code, e.message);
    }
    t->close([](std::optional<Error> err) {
      console::log("second server closed, err", Maybe<Error>(err));
    });
  });
}
