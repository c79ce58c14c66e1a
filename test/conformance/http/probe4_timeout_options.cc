#include <cmath>
#include <limits>

#include "conformance.h"
#include "http_helpers.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(probe4_timeout_options) {
  using O = http::ServerOptions;
  auto mk = [](std::function<void(O&)> f) {
    O o;
    f(o);
    return o;
  };
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::pair<std::string, O>> tries = {
      {"h500 r100", mk([](O& o) { o.headersTimeout = 500, o.requestTimeout = 100; })},
      {"h500 r0", mk([](O& o) { o.headersTimeout = 500, o.requestTimeout = 0; })},
      {"h0 r100", mk([](O& o) { o.headersTimeout = 0, o.requestTimeout = 100; })},
      {"r1000", mk([](O& o) { o.requestTimeout = 1000; })},
      {"r0", mk([](O& o) { o.requestTimeout = 0; })},
      {"h100", mk([](O& o) { o.headersTimeout = 100; })},
      {"h100 r100", mk([](O& o) { o.headersTimeout = 100, o.requestTimeout = 100; })},
      {"h100 r99", mk([](O& o) { o.headersTimeout = 100, o.requestTimeout = 99; })},
      {"ka -1", mk([](O& o) { o.keepAliveTimeout = -1; })},
      {"ka 1.5", mk([](O& o) { o.keepAliveTimeout = 1.5; })},
      {"r -5", mk([](O& o) { o.requestTimeout = -5; })},
      {"h 2.5", mk([](O& o) { o.headersTimeout = 2.5; })},
      {"h -1 r 0", mk([](O& o) { o.headersTimeout = -1, o.requestTimeout = 0; })},
      {"ci -1", mk([](O& o) { o.connectionsCheckingInterval = -1; })},
      {"ci 0", mk([](O& o) { o.connectionsCheckingInterval = 0; })},
      {"mhs -1", mk([](O& o) { o.maxHeaderSize = -1; })},
      {"ka 0", mk([](O& o) { o.keepAliveTimeout = 0; })},
      {"r inf", mk([inf](O& o) { o.requestTimeout = inf; })},
      {"h nan", mk([nan](O& o) { o.headersTimeout = nan; })},
      {"r 2^53", mk([](O& o) { o.requestTimeout = 9007199254740992.0; })},
      {"r 2^53-1", mk([](O& o) { o.requestTimeout = 9007199254740991.0; })},
  };
  for (auto& [label, o] : tries) {
    try {
      auto s = http::createServer(o);
      console::log(label, "ok", s->headersTimeout, s->requestTimeout, s->keepAliveTimeout,
                   s->connectionsCheckingInterval);
    } catch (const Error& e) {
      console::log(label, e.name, e.code, e.message);
    }
  }
  auto s = http::createServer();
  for (double v : {-1.0, 1.5, 0.0, 250.0}) {
    http::Server* r = &s->setTimeout(v);
    console::log("setTimeout", v, r == s.get(), s->timeout, "listeners",
                 s->listenerCount("timeout"));
  }
  s->setTimeout(10, [](net::SocketPtr) {});
  console::log("with callback", s->timeout, "listeners", s->listenerCount("timeout"));
}
