// bindings/os_info.h — the libuv system-information calls behind Node's `os`
// module (src/node_os.cc). Plain data out; the module shapes it as Node does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nodecc::bindings::os_info {

/// One CPU as uv_cpu_info reports it (times in milliseconds).
struct Cpu {
  std::string model;
  int speed = 0;
  std::uint64_t user = 0, nice = 0, sys = 0, idle = 0, irq = 0;
};
/// uv_cpu_info; empty on failure (Node returns an empty array too).
std::vector<Cpu> cpus();

/// One address of one interface, as uv_interface_addresses reports it.
struct InterfaceAddress {
  std::string name;
  std::string address;  ///< textual
  std::string netmask;  ///< textual
  std::string family;   ///< "IPv4", "IPv6" or "unknown"
  std::string mac;      ///< "aa:bb:cc:dd:ee:ff"
  bool internal = false;
  long long scopeid = -1;  ///< sin6_scope_id for IPv6, -1 otherwise
  int prefixLength = -1;   ///< leading one bits of the netmask; -1 when not contiguous
};
/// uv_interface_addresses, in libuv's order; an error as a negative libuv number in `err`.
std::vector<InterfaceAddress> interfaceAddresses(int& err);

/// uv_os_gethostname; on failure a negative libuv error in `err`.
std::string hostname(int& err);
/// uv_os_homedir.
std::string homedir(int& err);
std::uint64_t totalMemory();
std::uint64_t freeMemory();
/// uv_uptime in seconds; a negative libuv error in `err`.
double uptime(int& err);
/// uv_loadavg.
void loadavg(double out[3]);
/// uv_available_parallelism.
unsigned availableParallelism();

/// uv_os_uname fields.
struct Uname {
  std::string sysname, release, version, machine;
};
Uname uname(int& err);

}  // namespace nodecc::bindings::os_info
