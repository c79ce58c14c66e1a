// Port of probe3_connect_validation.js.
#include "conformance.h"
#include "nodecc/net.h"
#include "nodecc/util.h"

using namespace nodecc;

namespace {
std::vector<net::ConnectOptions> cases() {
  return {
      {.port = -1, .host = "127.0.0.1"},
      {.port = 65536},
      {.port = 80, .host = "localhost", .family = 5},
      {.port = 80, .host = "localhost", .hints = 12345},
      {.port = 80, .host = "localhost", .family = 4, .hints = 12345},
      {.port = 80, .host = "localhost", .localAddress = "::1x"},
      {.port = 80, .host = "", .family = 4},
      {.port = 80, .host = "localhost", .family = 4},
      {.port = 80, .host = "localhost"},
      {.port = 80, .host = "localhost", .autoSelectFamily = false},
  };
}

void run(std::size_t i) {
  auto all = cases();
  if (i == all.size()) return;
  auto o = all[i];
  auto c = std::make_shared<net::Socket>();
  std::string p = "  [" + std::to_string(i) + "]";
  std::string q = "[" + std::to_string(i) + "]";
  auto lookups = std::make_shared<std::vector<std::string>>();
  c->on("lookup", [c, p, lookups](std::optional<Error> err, std::string address, int family,
                                  std::string host) {
    lookups->push_back(
        util::format(p, "lookup", err, address, family, host, "connecting", c->connecting()));
  });
  c->on("connect", [p] { console::log(p, "connect (unexpected)"); });
  c->on("error", [p](const Error& e) { console::log(p, "error", e.code); });
  c->on("close", [p](bool e) { console::log(p, "close", e); });
  try {
    c->connect(o, [p] { console::log(p, "connect cb (unexpected)"); });
    console::log(q, "no throw", c->connecting(), c->readyState());
  } catch (const Error& e) {
    console::log(q, e.name, e.code, e.message);
  }
  console::log(p, "after:", c->connecting(), c->pending(), c->readyState(), "connect listeners",
               c->listenerCount("connect"));
  c->destroy();
  console::log(p, "destroyed:", c->connecting(), c->readyState());
  setTimeout(
      [lookups, i] {
        for (auto& l : *lookups) console::log(l);
        run(i + 1);
      },
      50);
}
}  // namespace

NODECC_CONFORMANCE_CASE(probe3_connect_validation) { run(0); }
