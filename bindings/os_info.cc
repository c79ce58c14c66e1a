// System information through libuv (Node's src/node_os.cc).
#include "bindings/os_info.h"

#include <uv.h>

#include <cstdio>

namespace nodecc::bindings::os_info {

std::vector<Cpu> cpus() {
  uv_cpu_info_t* infos = nullptr;
  int count = 0;
  std::vector<Cpu> out;
  if (uv_cpu_info(&infos, &count) != 0) return out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const uv_cpu_info_t& c = infos[i];
    out.push_back(Cpu{c.model ? c.model : "", c.speed, c.cpu_times.user, c.cpu_times.nice,
                      c.cpu_times.sys, c.cpu_times.idle, c.cpu_times.irq});
  }
  uv_free_cpu_info(infos, count);
  return out;
}

namespace {
// Number of leading one bits of a netmask, or -1 when the ones are not contiguous
// (Node's getCIDR returns null then).
int prefixLength(const unsigned char* bytes, std::size_t n) {
  int ones = 0;
  bool zeros = false;
  for (std::size_t i = 0; i < n; ++i) {
    for (int bit = 7; bit >= 0; --bit) {
      bool one = (bytes[i] >> bit) & 1;
      if (one && zeros) return -1;
      if (one)
        ++ones;
      else
        zeros = true;
    }
  }
  return ones;
}
}  // namespace

std::vector<InterfaceAddress> interfaceAddresses(int& err) {
  std::vector<InterfaceAddress> out;
  uv_interface_address_t* ifs = nullptr;
  int count = 0;
  err = uv_interface_addresses(&ifs, &count);
  if (err != 0) return out;
  for (int i = 0; i < count; ++i) {
    const uv_interface_address_t& a = ifs[i];
    InterfaceAddress r;
    r.name = a.name;
    char mac[18];
    std::snprintf(
        mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x",
        static_cast<unsigned char>(a.phys_addr[0]), static_cast<unsigned char>(a.phys_addr[1]),
        static_cast<unsigned char>(a.phys_addr[2]), static_cast<unsigned char>(a.phys_addr[3]),
        static_cast<unsigned char>(a.phys_addr[4]), static_cast<unsigned char>(a.phys_addr[5]));
    r.mac = mac;
    char ip[INET6_ADDRSTRLEN] = {0};
    char mask[INET6_ADDRSTRLEN] = {0};
    if (a.address.address4.sin_family == AF_INET) {
      uv_ip4_name(&a.address.address4, ip, sizeof ip);
      uv_ip4_name(&a.netmask.netmask4, mask, sizeof mask);
      r.family = "IPv4";
      r.prefixLength =
          prefixLength(reinterpret_cast<const unsigned char*>(&a.netmask.netmask4.sin_addr), 4);
    } else if (a.address.address4.sin_family == AF_INET6) {
      uv_ip6_name(&a.address.address6, ip, sizeof ip);
      uv_ip6_name(&a.netmask.netmask6, mask, sizeof mask);
      r.family = "IPv6";
      r.scopeid = a.address.address6.sin6_scope_id;
      r.prefixLength =
          prefixLength(reinterpret_cast<const unsigned char*>(&a.netmask.netmask6.sin6_addr), 16);
    } else {
      std::snprintf(ip, sizeof ip, "<unknown sa family>");
      r.family = "unknown";
    }
    r.address = ip;
    r.netmask = mask;
    r.internal = a.is_internal != 0;
    out.push_back(std::move(r));
  }
  uv_free_interface_addresses(ifs, count);
  return out;
}

std::string hostname(int& err) {
  char buf[UV_MAXHOSTNAMESIZE];
  std::size_t n = sizeof buf;
  err = uv_os_gethostname(buf, &n);
  return err == 0 ? std::string(buf, n) : std::string();
}

std::string homedir(int& err) {
  char buf[4096];
  std::size_t n = sizeof buf;
  err = uv_os_homedir(buf, &n);
  return err == 0 ? std::string(buf, n) : std::string();
}

std::uint64_t totalMemory() { return uv_get_total_memory(); }
std::uint64_t freeMemory() { return uv_get_free_memory(); }

double uptime(int& err) {
  double up = 0;
  err = uv_uptime(&up);
  return up;
}

void loadavg(double out[3]) { uv_loadavg(out); }

unsigned availableParallelism() { return uv_available_parallelism(); }

Uname uname(int& err) {
  uv_utsname_t u;
  err = uv_os_uname(&u);
  if (err != 0) return {};
  return Uname{u.sysname, u.release, u.version, u.machine};
}

}  // namespace nodecc::bindings::os_info
