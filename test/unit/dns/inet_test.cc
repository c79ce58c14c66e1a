// bindings/inet: net.isIP against Node's answers and Node's own regular expressions,
// and the sockaddr helpers.
#include "bindings/inet.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <uv.h>

#include <random>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace nodecc::bindings {
namespace {

// Answers printed by Node 20's net.isIP for these inputs.
const std::vector<std::pair<std::string, int>> kNodeAnswers = {{"127.0.0.1", 4},
                                                               {"0.0.0.0", 4},
                                                               {"255.255.255.255", 4},
                                                               {"256.0.0.1", 0},
                                                               {"01.2.3.4", 0},
                                                               {"1.2.3", 0},
                                                               {"1.2.3.4.5", 0},
                                                               {"1.2.3.4 ", 0},
                                                               {" 1.2.3.4", 0},
                                                               {"1.2.3.4\n", 0},
                                                               {"::", 6},
                                                               {"::1", 6},
                                                               {"1::", 6},
                                                               {"1:2:3:4:5:6:7:8", 6},
                                                               {"1:2:3:4:5:6:7::", 6},
                                                               {"1:2:3:4:5:6:7:8:9", 0},
                                                               {"::ffff:127.0.0.1", 6},
                                                               {"::ffff:127.0.0.01", 0},
                                                               {"1:2:3:4:5:6:1.2.3.4", 6},
                                                               {"1:2:3:4:5:6:7:1.2.3.4", 0},
                                                               {"1::2::3", 0},
                                                               {"fe80::1%eth0", 6},
                                                               {"fe80::1%", 0},
                                                               {"fe80::1%a:b.c-d", 6},
                                                               {"fe80::1%a%b", 0},
                                                               {"1.2.3.4%eth0", 0},
                                                               {":::", 0},
                                                               {"12345::", 0},
                                                               {"::1:2:3:4:5:6:7", 6},
                                                               {"1::2:3:4:5:6:7", 6},
                                                               {"1::2:3:4:5:6:7:8", 0},
                                                               {"", 0},
                                                               {":", 0},
                                                               {"1:", 0},
                                                               {"abcd:EF01::", 6},
                                                               {"g::1", 0},
                                                               {"::1.2.3.4", 6},
                                                               {"1:2:3:4:5::1.2.3.4", 6},
                                                               {"1:2:3:4:5:6::1.2.3.4", 0},
                                                               {"0x7f.0.0.1", 0},
                                                               {"1.2.3.04", 0}};

TEST(Inet, IsIPMatchesNode) {
  for (const auto& [s, want] : kNodeAnswers) {
    EXPECT_EQ(isIP(s), want) << "'" << s << "'";
    EXPECT_EQ(isIPv4(s), want == 4) << s;
    EXPECT_EQ(isIPv6(s), want == 6) << s;
  }
  EXPECT_EQ(isIP(std::string_view("1.2.3.4\0", 8)), 0);
}

// lib/internal/net.js's expressions, verbatim, as an oracle.
std::regex nodeIPv4() {
  std::string seg = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  std::string v4 = "(?:" + seg + "\\.){3}" + seg;
  return std::regex("^" + v4 + "$", std::regex::ECMAScript);
}
std::regex nodeIPv6() {
  std::string seg4 = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  std::string v4 = "(?:" + seg4 + "\\.){3}" + seg4;
  std::string g = "(?:[0-9a-fA-F]{1,4})";
  std::string re = "^(?:(?:" + g + ":){7}(?:" + g + "|:)|(?:" + g + ":){6}(?:" + v4 + "|:" + g +
                   "|:)|(?:" + g + ":){5}(?::" + v4 + "|(?::" + g + "){1,2}|:)|(?:" + g +
                   ":){4}(?:(?::" + g + "){0,1}:" + v4 + "|(?::" + g + "){1,3}|:)|(?:" + g +
                   ":){3}(?:(?::" + g + "){0,2}:" + v4 + "|(?::" + g + "){1,4}|:)|(?:" + g +
                   ":){2}(?:(?::" + g + "){0,3}:" + v4 + "|(?::" + g + "){1,5}|:)|(?:" + g +
                   ":){1}(?:(?::" + g + "){0,4}:" + v4 + "|(?::" + g + "){1,6}|:)|(?::(?:(?::" + g +
                   "){0,5}:" + v4 + "|(?::" + g + "){1,7}|:)))(?:%[0-9a-zA-Z-.:]{1,})?$";
  return std::regex(re, std::regex::ECMAScript);
}

TEST(Inet, IsIPAgreesWithNodesRegexOnRandomInput) {
  std::regex r4 = nodeIPv4(), r6 = nodeIPv6();
  std::mt19937 rng(12345);
  const std::string pieces[] = {"0",    "1",     "25",      "255", "256", "01", "ffff",
                                "FfFf", "12345", "g",       ":",   "::",  ".",  "%",
                                "eth0", "-",     "1.2.3.4", "a",   "fe80"};
  const std::string chars = "0123456789abcdefABCDEFg:.%-z ";
  int agreedV6 = 0;
  for (int i = 0; i < 60000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) {
      if (rng() % 3 == 0)
        s += chars[rng() % chars.size()];
      else
        s += pieces[rng() % std::size(pieces)];
    }
    bool want4 = std::regex_match(s, r4);
    bool want6 = std::regex_match(s, r6);
    ASSERT_EQ(isIPv4(s), want4) << "'" << s << "'";
    ASSERT_EQ(isIPv6(s), want6) << "'" << s << "'";
    agreedV6 += want6;
  }
  // The generator must reach valid IPv6 literals often enough to mean something.
  EXPECT_GT(agreedV6, 500);
}

TEST(Inet, MakeSockaddrAndBack) {
  sockaddr_storage ss;
  ASSERT_EQ(makeSockaddr("127.0.0.1", 4321, &ss), 0);
  EXPECT_EQ(ss.ss_family, AF_INET);
  EXPECT_EQ(sockaddrLength(reinterpret_cast<sockaddr*>(&ss)), sizeof(sockaddr_in));
  SocketAddress a = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  EXPECT_EQ(a.address, "127.0.0.1");
  EXPECT_EQ(a.family, "IPv4");
  EXPECT_EQ(a.port, 4321);

  ASSERT_EQ(makeSockaddr(6, "::1", 65535, &ss), 0);
  EXPECT_EQ(ss.ss_family, AF_INET6);
  EXPECT_EQ(sockaddrLength(reinterpret_cast<sockaddr*>(&ss)), sizeof(sockaddr_in6));
  a = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  EXPECT_EQ(a.address, "::1");
  EXPECT_EQ(a.family, "IPv6");
  EXPECT_EQ(a.port, 65535);

  ASSERT_EQ(makeSockaddr("::ffff:10.0.0.1", 0, &ss), 0);
  EXPECT_EQ(socketAddress(reinterpret_cast<sockaddr*>(&ss)).address, "::ffff:10.0.0.1");
}

TEST(Inet, LinkLocalScopeIsPrintedAsInterfaceName) {
  sockaddr_storage ss;
  ASSERT_EQ(makeSockaddr("fe80::1%lo", 9, &ss), 0);
  auto* a6 = reinterpret_cast<sockaddr_in6*>(&ss);
  EXPECT_EQ(a6->sin6_scope_id, 1u);  // the loopback interface
  EXPECT_EQ(socketAddress(reinterpret_cast<sockaddr*>(&ss)).address, "fe80::1%lo");
  a6->sin6_scope_id = 0;
  EXPECT_EQ(socketAddress(reinterpret_cast<sockaddr*>(&ss)).address, "fe80::1");
}

TEST(Inet, BadAddressesAreEinval) {
  sockaddr_storage ss;
  EXPECT_EQ(makeSockaddr("localhost", 1, &ss), UV_EINVAL);
  EXPECT_EQ(makeSockaddr(4, "::1", 1, &ss), UV_EINVAL);
  EXPECT_EQ(makeSockaddr(6, "1.2.3.4", 1, &ss), UV_EINVAL);
  EXPECT_EQ(makeSockaddr(5, "1.2.3.4", 1, &ss), UV_EINVAL);
  EXPECT_EQ(makeSockaddr(std::string(300, '1'), 1, &ss), UV_EINVAL);
  sockaddr other{};
  other.sa_family = AF_UNIX;
  EXPECT_EQ(socketAddress(&other).address, "");
  EXPECT_EQ(sockaddrPort(&other), 0);
}

}  // namespace
}  // namespace nodecc::bindings
