#include "bindings/inet.h"

#include <net/if.h>
#include <uv.h>

#include <cstring>

namespace nodecc::bindings {

namespace {

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isHex(char c) noexcept {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isZoneChar(char c) noexcept {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
         c == ':';
}

// One part of a dotted quad: "0"–"255" without leading zeros (Node's v4Seg).
bool isV4Part(std::string_view p) noexcept {
  if (p.empty() || p.size() > 3) return false;
  for (char c : p)
    if (!isDigit(c)) return false;
  if (p.size() > 1 && p[0] == '0') return false;
  int v = 0;
  for (char c : p) v = v * 10 + (c - '0');
  return v <= 255;
}

// The address part of an IPv6 literal (no zone): eight 16-bit groups of 1–4 hex
// digits, or fewer around one "::" that stands for at least one group; the last
// two groups may be written as a dotted quad.
bool isV6Address(std::string_view s) noexcept {
  if (s.size() < 2) return false;
  std::size_t i = 0;
  int groups = 0;
  bool compressed = false;
  if (s[0] == ':') {
    if (s[1] != ':') return false;
    compressed = true;
    i = 2;
    if (i == s.size()) return true;  // "::"
  }
  for (;;) {
    std::size_t j = s.find(':', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view piece = s.substr(i, j - i);
    if (piece.find('.') != std::string_view::npos) {
      if (j != s.size() || !isIPv4(piece)) return false;  // a dotted quad ends the address
      groups += 2;
      break;
    }
    if (piece.empty() || piece.size() > 4) return false;
    for (char c : piece)
      if (!isHex(c)) return false;
    ++groups;
    if (groups > 8) return false;
    if (j == s.size()) break;
    if (j + 1 < s.size() && s[j + 1] == ':') {
      if (compressed) return false;  // a second "::"
      compressed = true;
      i = j + 2;
      if (i == s.size()) break;  // ends with "::"
    } else {
      i = j + 1;
      if (i == s.size()) return false;  // ends with a single ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

}  // namespace

bool isIPv4(std::string_view s) noexcept {
  if (s.size() < 7 || s.size() > 15) return false;
  std::size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    std::size_t dot = part < 3 ? s.find('.', start) : s.size();
    if (dot == std::string_view::npos) return false;
    if (!isV4Part(s.substr(start, dot - start))) return false;
    start = dot + 1;
  }
  return true;
}

bool isIPv6(std::string_view s) noexcept {
  std::size_t pct = s.find('%');
  if (pct != std::string_view::npos) {
    std::string_view zone = s.substr(pct + 1);
    if (zone.empty()) return false;
    for (char c : zone)
      if (!isZoneChar(c)) return false;
    s = s.substr(0, pct);
  }
  return isV6Address(s);
}

int isIP(std::string_view s) noexcept {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

int makeSockaddr(int family, std::string_view ip, int port, sockaddr_storage* out) noexcept {
  char buf[256];
  if (ip.size() >= sizeof buf || ip.find('\0') != std::string_view::npos) return UV_EINVAL;
  std::memcpy(buf, ip.data(), ip.size());
  buf[ip.size()] = '\0';
  std::memset(out, 0, sizeof *out);
  if (family == 4) return uv_ip4_addr(buf, port, reinterpret_cast<sockaddr_in*>(out));
  if (family == 6) return uv_ip6_addr(buf, port, reinterpret_cast<sockaddr_in6*>(out));
  return UV_EINVAL;
}

int makeSockaddr(std::string_view ip, int port, sockaddr_storage* out) noexcept {
  int family = isIP(ip);
  if (family == 0) return UV_EINVAL;
  return makeSockaddr(family, ip, port, out);
}

socklen_t sockaddrLength(const sockaddr* sa) noexcept {
  if (sa->sa_family == AF_INET6) return sizeof(sockaddr_in6);
  if (sa->sa_family == AF_INET) return sizeof(sockaddr_in);
  return sizeof(sockaddr_storage);
}

std::size_t formatIP(const sockaddr* sa, char* buf, std::size_t size) noexcept {
  if (sa->sa_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(sa);
    if (uv_inet_ntop(AF_INET, &a4->sin_addr, buf, size) != 0) return 0;
    return std::strlen(buf);
  }
  if (sa->sa_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(sa);
    if (uv_inet_ntop(AF_INET6, &a6->sin6_addr, buf, size) != 0) return 0;
    std::size_t n = std::strlen(buf);
    // Node appends the interface to a link-local address that carries a scope.
    if (IN6_IS_ADDR_LINKLOCAL(&a6->sin6_addr) && a6->sin6_scope_id > 0 && n + 2 < size) {
      std::size_t room = size - n - 1;
      buf[n] = '%';
      if (uv_if_indextoiid(a6->sin6_scope_id, buf + n + 1, &room) == 0) return n + 1 + room;
      buf[n] = '\0';
    }
    return n;
  }
  return 0;
}

int sockaddrPort(const sockaddr* sa) noexcept {
  if (sa->sa_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(sa)->sin_port);
  if (sa->sa_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6*>(sa)->sin6_port);
  }
  return 0;
}

SocketAddress socketAddress(const sockaddr* sa) {
  SocketAddress out;
  char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
  std::size_t n = formatIP(sa, buf, sizeof buf);
  if (n == 0) return out;
  out.address.assign(buf, n);
  out.family = sa->sa_family == AF_INET ? "IPv4" : "IPv6";
  out.port = sockaddrPort(sa);
  return out;
}

}  // namespace nodecc::bindings
