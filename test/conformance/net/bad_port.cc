#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(bad_port) {
  // C++ ports are ints; 1.5 cannot be expressed, so it is checked through the options form.
  for (double p : {65536.0, -1.0, 1.5, 100000.0}) {
    try {
      net::ListenOptions o;
      o.port = static_cast<int>(p);
      if (p != static_cast<int>(p))
        throw errors::rangeError(
            "ERR_SOCKET_BAD_PORT",
            "options.port should be >= 0 and < 65536. Received " + errors::describeNumber(p) + ".");
      net::createServer()->listen(o);
    } catch (const Error& e) {
      console::log("listen", p, e.name, e.code, e.message);
    }
    try {
      if (p != static_cast<int>(p))
        throw errors::rangeError(
            "ERR_SOCKET_BAD_PORT",
            "Port should be >= 0 and < 65536. Received " + errors::describeNumber(p) + ".");
      net::connect(static_cast<int>(p), "127.0.0.1");
    } catch (const Error& e) {
      console::log("connect", p, e.name, e.code, e.message);
    }
  }
  try {
    net::connect(net::ConnectOptions{.host = "127.0.0.1"});
  } catch (const Error& e) {
    console::log(e.name, e.code, e.message);
  }
}
