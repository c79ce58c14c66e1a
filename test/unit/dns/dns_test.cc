// dns.lookup: literals, localhost, the all form, errors and argument checks as Node 20.
#include "nodecc/dns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bindings/getaddrinfo.h"
#include "nodecc/nodecc.h"

namespace nodecc {
namespace {

TEST(Dns, LiteralAnswersOnNextTickWithoutThreadPool) {
  std::vector<std::string> order;
  int rc = nodecc::run([&] {
    dns::lookup("127.0.0.1", [&](std::optional<Error> err, std::string address, int family) {
      EXPECT_FALSE(err);
      order.push_back("lookup " + address + " " + std::to_string(family));
    });
    dns::lookup("::1", {.all = true},
                [&](std::optional<Error> err, std::vector<dns::LookupAddress> all) {
                  EXPECT_FALSE(err);
                  ASSERT_EQ(all.size(), 1u);
                  EXPECT_EQ(all[0], (dns::LookupAddress{"::1", 6}));
                  order.push_back("all");
                });
    nextTick([&] { order.push_back("tick"); });
    order.push_back("sync");
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(order, (std::vector<std::string>{"sync", "lookup 127.0.0.1 4", "all", "tick"}));
}

TEST(Dns, LocalhostResolves) {
  std::string address;
  int family = 0;
  std::vector<dns::LookupAddress> all;
  bool ticked = false, tickFirst = false;
  nodecc::run([&] {
    nextTick([&] { ticked = true; });
    dns::lookup("localhost", [&](std::optional<Error> err, std::string a, int f) {
      EXPECT_FALSE(err) << (err ? err->message : "");
      address = a;
      family = f;
      tickFirst = ticked;
    });
    dns::lookup("localhost", {.family = 4, .all = true},
                [&](std::optional<Error> err, std::vector<dns::LookupAddress> a) {
                  EXPECT_FALSE(err);
                  all = std::move(a);
                });
  });
  EXPECT_TRUE(tickFirst);
  EXPECT_TRUE(address == "127.0.0.1" || address == "::1") << address;
  EXPECT_EQ(family, address == "::1" ? 6 : 4);
  ASSERT_FALSE(all.empty());
  for (auto& a : all) EXPECT_EQ(a.family, 4);
  EXPECT_EQ(all[0].address, "127.0.0.1");
}

TEST(Dns, NotFoundIsNodesError) {
  std::optional<Error> got;
  std::string address = "unset";
  nodecc::run([&] {
    dns::lookup("nosuch.invalid", [&](std::optional<Error> err, std::string a) {
      got = std::move(err);
      address = a;
    });
  });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->message, "getaddrinfo ENOTFOUND nosuch.invalid");
  EXPECT_EQ(got->code, "ENOTFOUND");
  EXPECT_EQ(got->syscall, "getaddrinfo");
  EXPECT_EQ(got->name, "Error");
  ASSERT_TRUE(got->errnum);
  EXPECT_EQ(*got->errnum, -3008);  // UV_EAI_NONAME, as Node reports
  EXPECT_EQ(got->info["hostname"].asString(), "nosuch.invalid");
  EXPECT_EQ(got->header(), "Error: getaddrinfo ENOTFOUND nosuch.invalid");
  EXPECT_EQ(address, "");
}

TEST(Dns, OtherErrorCodesKeepTheirLibuvName) {
  Error e = dns::dnsException(-3001, "getaddrinfo", "h");  // UV_EAI_AGAIN
  EXPECT_EQ(e.code, "EAI_AGAIN");
  EXPECT_EQ(e.message, "getaddrinfo EAI_AGAIN h");
  Error n = dns::dnsException(-3007, "getaddrinfo");  // UV_EAI_NODATA
  EXPECT_EQ(n.message, "getaddrinfo ENOTFOUND");
  EXPECT_FALSE(n.info.contains("hostname"));
}

TEST(Dns, ArgumentChecksMatchNode) {
  nodecc::run([&] {
    auto cb = [](std::optional<Error>, std::string, int) { FAIL() << "called"; };
    try {
      dns::lookup("x", 5, cb);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code, "ERR_INVALID_ARG_VALUE");
      EXPECT_EQ(e.message, "The argument 'family' must be one of: 0, 4, 6. Received 5");
    }
    try {
      dns::lookup("x", {.family = 5}, cb);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.message, "The property 'options.family' must be one of: 0, 4, 6. Received 5");
    }
    try {
      dns::lookup("x", {.hints = 12345}, cb);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.name, "TypeError");
      EXPECT_EQ(e.message, "The argument 'hints' is invalid. Received 12345");
    }
    try {
      dns::lookup("x", {.order = "random"}, cb);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.message,
                "The property 'options.order' must be one of: 'verbatim', 'ipv4first', "
                "'ipv6first'. Received 'random'");
    }
    EXPECT_THROW(dns::lookup("x", {.all = true}, cb), Error);
  });
}

TEST(Dns, EmptyHostnameWarnsAndAnswersNull) {
  std::vector<std::string> seen;
  nodecc::run([&] {
    process::on("warning", [&](const Error& w) { seen.push_back(w.name + " " + w.code); });
    dns::lookup("", 6, [&](std::optional<Error> err, std::string a, int f) {
      EXPECT_FALSE(err);
      seen.push_back("cb '" + a + "' " + std::to_string(f));
    });
    dns::lookup("", [&](std::optional<Error>, std::vector<dns::LookupAddress> all) {
      seen.push_back("all " + std::to_string(all.size()));
    });
  });
  // As in Node: the warning is queued (next tick) before the callback, and only once.
  EXPECT_EQ(seen, (std::vector<std::string>{"DeprecationWarning DEP0118", "cb '' 6", "all 0"}));
}

TEST(Dns, ResultOrder) {
  EXPECT_EQ(dns::getDefaultResultOrder(), "verbatim");
  dns::setDefaultResultOrder("ipv4first");
  EXPECT_EQ(dns::getDefaultResultOrder(), "ipv4first");
  dns::setDefaultResultOrder("verbatim");
  EXPECT_THROW(dns::setDefaultResultOrder("x"), Error);
}

TEST(Dns, CallbackThrowIsAnUncaughtException) {
  std::string caught;
  int rc = nodecc::run([&] {
    process::on("uncaughtException", [&](const Error& e) { caught = e.message; });
    dns::lookup("localhost", [](std::optional<Error>, std::string) { throw Error("boom"); });
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(caught, "boom");
}

TEST(Dns, PendingLookupAtTeardownDoesNotCallBack) {
  bool called = false;
  nodecc::run([&] {
    dns::lookup("localhost", [&](std::optional<Error>, std::string) { called = true; });
    process::exit(0);
  });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace nodecc
