// bindings/inet.h — IP address text and socket addresses, as Node reads and prints them.
//
// `isIP` is Node's `net.isIP` (lib/internal/net.js): the same IPv4 dotted-quad rules
// (four decimal parts 0–255, no leading zeros, nothing else) and the same IPv6 grammar
// (at most one "::", an embedded IPv4 tail, an optional "%zone" of letters, digits,
// '-', '.' and ':'). It is a hand-written parser with the regular expressions' exact
// answers (the unit tests compare it with them), so it costs nothing per datagram.
//
// The sockaddr helpers are what Node's C++ bindings do: `makeSockaddr` is
// uv_ip4_addr/uv_ip6_addr (a zone name is resolved to its interface index), and
// `socketAddress` is node::AddressToJS ({address, family: "IPv4" | "IPv6", port},
// with "%<interface>" appended to a link-local IPv6 address that carries a scope).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <string>
#include <string_view>

namespace nodecc::bindings {

/// `net.isIP(s)`: 4, 6, or 0 when `s` is not an IP address literal.
int isIP(std::string_view s) noexcept;
/// `net.isIPv4(s)`.
bool isIPv4(std::string_view s) noexcept;
/// `net.isIPv6(s)` (a "%zone" suffix is accepted, as in Node).
bool isIPv6(std::string_view s) noexcept;

/// Fills `out` with `ip`:`port` for `family` (4 or 6). Returns 0, or UV_EINVAL when
/// `ip` is not a numeric address of that family (libuv's answer, which Node reports).
int makeSockaddr(int family, std::string_view ip, int port, sockaddr_storage* out) noexcept;
/// The same with the family taken from `ip` itself (isIP); UV_EINVAL when it is 0.
int makeSockaddr(std::string_view ip, int port, sockaddr_storage* out) noexcept;
/// The length to pass to bind/connect/sendto for `sa` (by its family).
socklen_t sockaddrLength(const sockaddr* sa) noexcept;

/// One socket address as Node reports it (`socket.address()`, `rinfo`, `remoteAddress()`).
struct SocketAddress {
  std::string address;  ///< "127.0.0.1", "::1", "fe80::1%eth0"
  std::string family;   ///< "IPv4" or "IPv6" (Node 18+ strings, not numbers)
  int port = 0;
};
/// Node's AddressToJS for an AF_INET or AF_INET6 address (other families: empty result).
SocketAddress socketAddress(const sockaddr* sa);
/// Only the textual IP of `sa` (no port), into `buf` (at least INET6_ADDRSTRLEN +
/// IF_NAMESIZE bytes); returns its length, or 0 for an unknown family. Allocation-free,
/// for hot paths such as a datagram's rinfo.
std::size_t formatIP(const sockaddr* sa, char* buf, std::size_t size) noexcept;
/// Port of an AF_INET/AF_INET6 address in host order (0 for other families).
int sockaddrPort(const sockaddr* sa) noexcept;

}  // namespace nodecc::bindings
