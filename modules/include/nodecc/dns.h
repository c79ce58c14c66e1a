// nodecc/dns.h — Node's `dns.lookup` (getaddrinfo on libuv's thread pool).
//
//   dns::lookup("localhost", [](std::optional<Error> err, std::string address, int family) {
//     console::log(address, family);  // 127.0.0.1 4
//   });
//   dns::lookup("example.org", {.all = true},
//               [](std::optional<Error> err, std::vector<dns::LookupAddress> addresses) {});
//
// Same behaviour as Node 20: an IP literal answers without a thread-pool trip but
// still on the next tick; an empty hostname answers (null, 4|6) on the next tick after
// a DEP0118 DeprecationWarning; failures are Errors "getaddrinfo ENOTFOUND <host>"
// with code (ENOTFOUND for EAI_NONAME/EAI_NODATA, else the libuv name such as
// EAI_AGAIN), errno, syscall "getaddrinfo" and `hostname` (in `err.info`). Result
// order follows `verbatim`/`order`, default "verbatim" as in Node 20.
//
// Differences from Node: the callback's shape is chosen by its parameters — one that
// takes `std::vector<LookupAddress>` gets the `all` form (options.all may be left
// false); one that takes `(err, address[, family])` the single form, and then
// `options.all = true` throws ERR_INVALID_ARG_TYPE. `family` is a number (0, 4, 6),
// not also the strings 'IPv4'/'IPv6'. A null address is the empty string. lookup()
// returns nothing (Node returns its request object). The resolver classes and
// dns.resolve*() are not provided.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "nodecc/errors.h"
#include "nodecc/function.h"

namespace nodecc::dns {

/// getaddrinfo flags for LookupOptions::hints (Linux values, as Node exports them).
inline constexpr int ADDRCONFIG = 0x20;
inline constexpr int V4MAPPED = 0x08;
inline constexpr int ALL = 0x10;

/// `dns.lookup` options.
struct LookupOptions {
  int family = 0;                ///< 0 (any), 4 or 6; others throw ERR_INVALID_ARG_VALUE
  int hints = 0;                 ///< ADDRCONFIG | V4MAPPED | ALL; others throw
  bool all = false;              ///< see the header comment
  std::optional<bool> verbatim;  ///< true → "verbatim", false → "ipv4first"
  std::string order;             ///< "verbatim", "ipv4first", "ipv6first" or "" (default)
};

/// One entry of the `all` form's answer.
struct LookupAddress {
  std::string address;
  int family = 0;
  friend bool operator==(const LookupAddress&, const LookupAddress&) = default;
};

/// `(err, address, family)`.
using LookupCallback = UniqueFunction<void(std::optional<Error>, std::string, int)>;
/// `(err, addresses)` (the `all` form).
using LookupAllCallback = UniqueFunction<void(std::optional<Error>, std::vector<LookupAddress>)>;

namespace detail {
// `familyName` is how a bad family is named: "family" (the numeric argument) or
// "options.family".
void lookupOne(std::string_view hostname, const LookupOptions& options, std::string_view familyName,
               LookupCallback cb);
void lookupAll(std::string_view hostname, const LookupOptions& options, std::string_view familyName,
               LookupAllCallback cb);

template <class F>
void dispatch(std::string_view hostname, const LookupOptions& options, std::string_view familyName,
              F&& cb) {
  using D = std::decay_t<F>;
  if constexpr (std::is_invocable_v<D&, std::optional<Error>, std::vector<LookupAddress>>) {
    lookupAll(hostname, options, familyName, LookupAllCallback(std::forward<F>(cb)));
  } else if constexpr (std::is_invocable_v<D&, std::optional<Error>, std::string, int>) {
    lookupOne(hostname, options, familyName, LookupCallback(std::forward<F>(cb)));
  } else if constexpr (std::is_invocable_v<D&, std::optional<Error>, std::string>) {
    lookupOne(
        hostname, options, familyName,
        LookupCallback([f = std::forward<F>(cb)](std::optional<Error> e, std::string a,
                                                 int) mutable { f(std::move(e), std::move(a)); }));
  } else {
    static_assert(sizeof(F) == 0,
                  "dns::lookup: the callback must take (std::optional<Error>, std::string[, "
                  "int]) or (std::optional<Error>, std::vector<dns::LookupAddress>)");
  }
}
}  // namespace detail

/// `dns.lookup(hostname, options, callback)`.
template <class F>
void lookup(std::string_view hostname, const LookupOptions& options, F&& callback) {
  detail::dispatch(hostname, options, "options.family", std::forward<F>(callback));
}
/// `dns.lookup(hostname, family, callback)`.
template <class F>
void lookup(std::string_view hostname, int family, F&& callback) {
  detail::dispatch(hostname, LookupOptions{.family = family}, "family", std::forward<F>(callback));
}
/// `dns.lookup(hostname, callback)`.
template <class F>
void lookup(std::string_view hostname, F&& callback) {
  detail::dispatch(hostname, LookupOptions{}, "options.family", std::forward<F>(callback));
}

/// `dns.setDefaultResultOrder(order)`: "verbatim", "ipv4first" or "ipv6first". Process-wide
/// here (Node keeps one per thread).
void setDefaultResultOrder(std::string_view order);
/// `dns.getDefaultResultOrder()`.
std::string getDefaultResultOrder();

/// Node's DNSException for a libuv error: "<syscall> <CODE>[ <hostname>]".
Error dnsException(int err, std::string_view syscall, std::string_view hostname = {});

}  // namespace nodecc::dns
