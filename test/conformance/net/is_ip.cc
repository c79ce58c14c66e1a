#include "conformance.h"
#include "nodecc/net.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(is_ip) {
  for (std::string s : {"127.0.0.1", "0.0.0.0", "256.0.0.1", "1.2.3", "01.2.3.4", "::1",
                        "::", "fe80::1%eth0", "2001:db8::ff00:42:8329", "::ffff:127.0.0.1",
                        "1::2::3", "localhost", "", " 1.2.3.4", "1.2.3.4 "}) {
    console::log(Value(s).stringify(), net::isIP(s), net::isIPv4(s), net::isIPv6(s));
  }
}
