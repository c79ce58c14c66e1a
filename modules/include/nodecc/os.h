// nodecc/os.h — Node's `os` module.
//
// Values come from libuv exactly as Node's do (src/node_os.cc, lib/os.js).
// Differences from Node: results are typed structs instead of plain objects;
// `util::inspect`/`console::log` print them as Node prints the objects.
// A failing system call throws SystemError ERR_SYSTEM_ERROR as Node does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nodecc/util.h"
#include "nodecc/value.h"

namespace nodecc::os {

/// `os.EOL`.
inline constexpr std::string_view EOL = "\n";
/// `os.devNull`.
inline constexpr std::string_view devNull = "/dev/null";

/// CPU times of one core in milliseconds (Node's `cpu.times`).
struct CpuTimes {
  std::uint64_t user = 0, nice = 0, sys = 0, idle = 0, irq = 0;
};
/// One entry of `os.cpus()`.
struct CpuInfo {
  std::string model;
  int speed = 0;  ///< MHz (0 when the kernel does not say)
  CpuTimes times;
  /// The object Node returns: `{ model, speed, times: { user, nice, sys, idle, irq } }`.
  Value toValue() const;
};
/// `os.cpus()`: one entry per logical CPU (empty when unavailable).
std::vector<CpuInfo> cpus();
/// `os.availableParallelism()`.
unsigned availableParallelism();

/// `os.hostname()`.
std::string hostname();
/// `os.homedir()`.
std::string homedir();
/// `os.platform()`: "linux".
std::string platform();
/// `os.arch()`: "x64", "arm64", …
std::string arch();
/// `os.type()`: "Linux".
std::string type();
/// `os.release()`: the kernel release.
std::string release();
/// `os.version()`: the kernel version string.
std::string version();
/// `os.machine()`: "x86_64", "aarch64", …
std::string machine();
/// `os.endianness()`: "LE" or "BE".
std::string endianness();
/// `os.tmpdir()`: $TMPDIR, $TMP, $TEMP or "/tmp", without a trailing slash.
std::string tmpdir();
/// `os.totalmem()` in bytes.
std::uint64_t totalmem();
/// `os.freemem()` in bytes.
std::uint64_t freemem();
/// `os.uptime()` in seconds.
double uptime();
/// `os.loadavg()`: the 1, 5 and 15 minute load averages.
std::vector<double> loadavg();

/// One address of `os.networkInterfaces()[name]`.
struct NetworkInterfaceInfo {
  std::string address;
  std::string netmask;
  std::string family;  ///< "IPv4" or "IPv6"
  std::string mac;
  bool internal = false;
  std::optional<std::string> cidr;       ///< null when the netmask is not contiguous
  std::optional<std::uint32_t> scopeid;  ///< IPv6 only
  /// The object Node returns (keys in Node's order; `scopeid` only for IPv6).
  Value toValue() const;
};
/// `os.networkInterfaces()`: interface name → its addresses, in the order libuv lists
/// them (a JS object's insertion order).
class NetworkInterfaces {
 public:
  using Entry = std::pair<std::string, std::vector<NetworkInterfaceInfo>>;
  /// The addresses of `name`, or nullptr (JS: `undefined`).
  const std::vector<NetworkInterfaceInfo>* find(std::string_view name) const noexcept;
  /// The addresses of `name`; throws ERR_INVALID_ARG_VALUE when absent.
  const std::vector<NetworkInterfaceInfo>& at(std::string_view name) const;
  bool contains(std::string_view name) const noexcept { return find(name) != nullptr; }
  std::size_t size() const noexcept { return entries_.size(); }
  std::vector<Entry>::const_iterator begin() const noexcept { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const noexcept { return entries_.end(); }
  /// `Object.keys(os.networkInterfaces())`.
  std::vector<std::string> keys() const;
  /// The whole object as Node returns it.
  Value toValue() const;
  /// Appends an address (used by networkInterfaces()).
  void add(const std::string& name, NetworkInterfaceInfo info);

 private:
  std::vector<Entry> entries_;
};
/// `os.networkInterfaces()`.
NetworkInterfaces networkInterfaces();

}  // namespace nodecc::os

namespace nodecc::util {
template <>
struct Inspector<os::CpuInfo> {
  static std::string inspect(const os::CpuInfo& c, InspectContext& ctx, int r) {
    return detail::inspectValue(c.toValue(), ctx, r);
  }
};
template <>
struct Inspector<os::NetworkInterfaceInfo> {
  static std::string inspect(const os::NetworkInterfaceInfo& n, InspectContext& ctx, int r) {
    return detail::inspectValue(n.toValue(), ctx, r);
  }
};
template <>
struct Inspector<os::NetworkInterfaces> {
  static std::string inspect(const os::NetworkInterfaces& n, InspectContext& ctx, int r) {
    return detail::inspectValue(n.toValue(), ctx, r);
  }
};
}  // namespace nodecc::util
