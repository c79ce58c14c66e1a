// os: Node 20's lib/os.js over bindings/os_info.
#include "nodecc/os.h"

#include <bit>

#include "bindings/os_info.h"
#include "nodecc/errors.h"
#include "nodecc/process.h"

namespace nodecc::os {

namespace bos = bindings::os_info;

namespace {
// Node's ERR_SYSTEM_ERROR for a failed uv call ("A system error occurred: <syscall>
// returned <CODE> (<message>)").
[[noreturn]] void throwSystemError(int err, std::string_view syscall) {
  std::string code = errors::uvErrName(err);
  std::string message = errors::uvErrMessage(err);
  Error e("A system error occurred: " + std::string(syscall) + " returned " + code + " (" +
              message + ")",
          "ERR_SYSTEM_ERROR");
  e.name = "SystemError";
  e.codeInName = true;
  e.errnum = err;
  e.syscall = std::string(syscall);
  e.info = Object{
      {"errno", err}, {"code", code}, {"message", message}, {"syscall", std::string(syscall)}};
  throw e;
}
}  // namespace

Value CpuInfo::toValue() const {
  return Object{{"model", model},
                {"speed", speed},
                {"times", Object{{"user", static_cast<double>(times.user)},
                                 {"nice", static_cast<double>(times.nice)},
                                 {"sys", static_cast<double>(times.sys)},
                                 {"idle", static_cast<double>(times.idle)},
                                 {"irq", static_cast<double>(times.irq)}}}};
}

std::vector<CpuInfo> cpus() {
  std::vector<CpuInfo> out;
  for (const auto& c : bos::cpus()) {
    out.push_back(CpuInfo{c.model, c.speed, CpuTimes{c.user, c.nice, c.sys, c.idle, c.irq}});
  }
  return out;
}

unsigned availableParallelism() { return bos::availableParallelism(); }

std::string hostname() {
  int err = 0;
  std::string h = bos::hostname(err);
  if (err != 0) throwSystemError(err, "uv_os_gethostname");
  return h;
}

std::string homedir() {
  int err = 0;
  std::string h = bos::homedir(err);
  if (err != 0) throwSystemError(err, "uv_os_homedir");
  return h;
}

std::string platform() { return process::platform(); }
std::string arch() { return process::arch(); }

namespace {
bos::Uname unameOrThrow() {
  int err = 0;
  bos::Uname u = bos::uname(err);
  if (err != 0) throwSystemError(err, "uv_os_uname");
  return u;
}
}  // namespace

std::string type() { return unameOrThrow().sysname; }
std::string release() { return unameOrThrow().release; }
std::string version() { return unameOrThrow().version; }
std::string machine() { return unameOrThrow().machine; }

std::string endianness() { return std::endian::native == std::endian::little ? "LE" : "BE"; }

std::string tmpdir() {
  std::string p;
  for (const char* var : {"TMPDIR", "TMP", "TEMP"}) {
    auto v = process::env.get(var);
    if (v && !v->empty()) {
      p = *v;
      break;
    }
  }
  if (p.empty()) p = "/tmp";
  if (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

std::uint64_t totalmem() { return bos::totalMemory(); }
std::uint64_t freemem() { return bos::freeMemory(); }

double uptime() {
  int err = 0;
  double up = bos::uptime(err);
  if (err != 0) throwSystemError(err, "uv_uptime");
  return up;
}

std::vector<double> loadavg() {
  double a[3] = {0, 0, 0};
  bos::loadavg(a);
  return {a[0], a[1], a[2]};
}

Value NetworkInterfaceInfo::toValue() const {
  Object o{{"address", address},   {"netmask", netmask},
           {"family", family},     {"mac", mac},
           {"internal", internal}, {"cidr", cidr ? Value(*cidr) : Value(nullptr)}};
  if (scopeid) o["scopeid"] = *scopeid;
  return o;
}

const std::vector<NetworkInterfaceInfo>* NetworkInterfaces::find(
    std::string_view name) const noexcept {
  for (const auto& e : entries_)
    if (e.first == name) return &e.second;
  return nullptr;
}

const std::vector<NetworkInterfaceInfo>& NetworkInterfaces::at(std::string_view name) const {
  if (const auto* v = find(name)) return *v;
  throw errors::invalidArgValue("name", util::detail::quoteString(name),
                                "is not a network interface");
}

std::vector<std::string> NetworkInterfaces::keys() const {
  std::vector<std::string> k;
  for (const auto& e : entries_) k.push_back(e.first);
  return k;
}

Value NetworkInterfaces::toValue() const {
  Object o;
  for (const auto& [name, list] : entries_) {
    Array a;
    for (const auto& i : list) a.push_back(i.toValue());
    o[name] = std::move(a);
  }
  return o;
}

void NetworkInterfaces::add(const std::string& name, NetworkInterfaceInfo info) {
  for (auto& e : entries_) {
    if (e.first == name) {
      e.second.push_back(std::move(info));
      return;
    }
  }
  entries_.emplace_back(name, std::vector<NetworkInterfaceInfo>{std::move(info)});
}

NetworkInterfaces networkInterfaces() {
  NetworkInterfaces result;
  int err = 0;
  auto addrs = bos::interfaceAddresses(err);
  // Node returns {} when uv_interface_addresses fails.
  if (err != 0) return result;
  for (auto& a : addrs) {
    NetworkInterfaceInfo info;
    info.address = a.address;
    info.netmask = a.netmask;
    info.family = a.family;
    info.mac = a.mac;
    info.internal = a.internal;
    if (a.prefixLength >= 0) info.cidr = a.address + "/" + std::to_string(a.prefixLength);
    if (a.scopeid >= 0) info.scopeid = static_cast<std::uint32_t>(a.scopeid);
    result.add(a.name, std::move(info));
  }
  return result;
}

}  // namespace nodecc::os
