// os: values come from libuv; check their shapes and the documented rules.
#include <gtest/gtest.h>

#include <nodecc/fs.h>
#include <nodecc/os.h>

#include <regex>

#include "helpers.h"

using namespace nodecc;

TEST(Os, BasicValues) {
  Environment env;
  EXPECT_EQ(os::EOL, "\n");
  EXPECT_EQ(os::platform(), "linux");
  EXPECT_EQ(os::type(), "Linux");
  EXPECT_EQ(os::arch(), process::arch());
  EXPECT_FALSE(os::hostname().empty());
  EXPECT_FALSE(os::release().empty());
  EXPECT_GE(os::availableParallelism(), 1u);
  EXPECT_GT(os::totalmem(), 0u);
  EXPECT_GT(os::freemem(), 0u);
  EXPECT_LE(os::freemem(), os::totalmem());
  EXPECT_GT(os::uptime(), 0);
  EXPECT_EQ(os::loadavg().size(), 3u);
  EXPECT_TRUE(os::endianness() == "LE" || os::endianness() == "BE");
}

TEST(Os, Cpus) {
  auto cpus = os::cpus();
  ASSERT_FALSE(cpus.empty());
  EXPECT_FALSE(cpus[0].model.empty());
  EXPECT_GE(cpus[0].speed, 0);
  EXPECT_GT(cpus[0].times.user + cpus[0].times.sys + cpus[0].times.idle, 0u);
  std::string shown = util::inspect(cpus[0]);
  EXPECT_EQ(shown.rfind("{\n  model: '", 0), 0u) << shown;
  EXPECT_NE(shown.find("times: {"), std::string::npos) << shown;
}

TEST(Os, Tmpdir) {
  Environment env;
  auto saved = process::env.get("TMPDIR");
  process::env["TMPDIR"] = "/some/dir/";
  EXPECT_EQ(os::tmpdir(), "/some/dir");
  process::env["TMPDIR"] = "/";
  EXPECT_EQ(os::tmpdir(), "/");
  process::env.erase("TMPDIR");
  auto tmp = process::env.get("TMP");
  auto temp = process::env.get("TEMP");
  process::env.erase("TMP");
  process::env.erase("TEMP");
  EXPECT_EQ(os::tmpdir(), "/tmp");
  if (saved) process::env["TMPDIR"] = *saved;
  if (tmp) process::env["TMP"] = *tmp;
  if (temp) process::env["TEMP"] = *temp;
}

TEST(Os, NetworkInterfaces) {
  auto nics = os::networkInterfaces();
  const auto* lo = nics.find("lo");
  ASSERT_NE(lo, nullptr);
  bool sawV4 = false;
  for (const auto& a : *lo) {
    EXPECT_TRUE(a.internal);
    if (a.family == "IPv4") {
      sawV4 = true;
      EXPECT_EQ(a.address, "127.0.0.1");
      EXPECT_EQ(a.netmask, "255.0.0.0");
      EXPECT_EQ(a.cidr, std::optional<std::string>("127.0.0.1/8"));
      EXPECT_FALSE(a.scopeid.has_value());
      EXPECT_EQ(util::inspect(a),
                "{\n  address: '127.0.0.1',\n  netmask: '255.0.0.0',\n  family: 'IPv4',\n  mac: "
                "'00:00:00:00:00:00',\n  internal: true,\n  cidr: '127.0.0.1/8'\n}");
    } else {
      EXPECT_EQ(a.family, "IPv6");
      EXPECT_TRUE(a.scopeid.has_value());
    }
  }
  EXPECT_TRUE(sawV4);
  const std::regex mac("^([0-9a-f]{2}:){5}[0-9a-f]{2}$");
  for (const auto& [name, list] : nics) {
    EXPECT_FALSE(list.empty()) << name;
    for (const auto& a : list) EXPECT_TRUE(std::regex_match(a.mac, mac)) << a.mac;
  }
  EXPECT_EQ(nics.keys().size(), nics.size());
  try {
    nics.at("no-such-interface");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "ERR_INVALID_ARG_VALUE");
  }
}
