// dns.lookup — lib/dns.js `lookup` over bindings::getAddrInfo.
#include "nodecc/dns.h"

#include <netdb.h>

#include <atomic>

#include "bindings/getaddrinfo.h"
#include "bindings/inet.h"
#include "nodecc/environment.h"
#include "nodecc/process.h"
#include "nodecc/util.h"

namespace nodecc::dns {

static_assert(ADDRCONFIG == AI_ADDRCONFIG && V4MAPPED == AI_V4MAPPED && ALL == AI_ALL,
              "dns hint constants must be the system's getaddrinfo flags");

namespace {

using bindings::DnsOrder;

std::atomic<int> gDefaultOrder{static_cast<int>(DnsOrder::kVerbatim)};
std::atomic<bool> gInvalidHostnameWarned{false};

const char* orderName(DnsOrder o) {
  switch (o) {
    case DnsOrder::kIPv4First:
      return "ipv4first";
    case DnsOrder::kIPv6First:
      return "ipv6first";
    case DnsOrder::kVerbatim:
      break;
  }
  return "verbatim";
}

std::optional<DnsOrder> parseOrder(std::string_view s) {
  if (s == "verbatim") return DnsOrder::kVerbatim;
  if (s == "ipv4first") return DnsOrder::kIPv4First;
  if (s == "ipv6first") return DnsOrder::kIPv6First;
  return std::nullopt;
}

// validateOneOf(value, name, ['verbatim', 'ipv4first', 'ipv6first']).
DnsOrder validateOrder(std::string_view value, std::string_view name) {
  if (auto o = parseOrder(value)) return *o;
  throw errors::invalidArgValue(name, util::inspect(std::string(value)),
                                "must be one of: 'verbatim', 'ipv4first', 'ipv6first'");
}

struct Parsed {
  int family = 0;
  int hints = 0;
  DnsOrder order = DnsOrder::kVerbatim;
};

// The argument checks of lib/dns.js lookup(), in its order.
Parsed parse(const LookupOptions& o, std::string_view familyName) {
  Parsed p;
  p.order = static_cast<DnsOrder>(gDefaultOrder.load(std::memory_order_relaxed));
  if (o.hints != 0) {
    if ((o.hints & ~(ADDRCONFIG | ALL | V4MAPPED)) != 0) {
      throw errors::invalidArgValue("hints", util::inspect(o.hints));
    }
    p.hints = o.hints;
  }
  if (o.family != 0 && o.family != 4 && o.family != 6) {
    throw errors::invalidArgValue(familyName, util::inspect(o.family), "must be one of: 0, 4, 6");
  }
  p.family = o.family;
  if (o.verbatim) p.order = *o.verbatim ? DnsOrder::kVerbatim : DnsOrder::kIPv4First;
  if (!o.order.empty()) p.order = validateOrder(o.order, "options.order");
  return p;
}

void warnInvalidHostname(std::string_view hostname) {
  if (gInvalidHostnameWarned.exchange(true)) return;
  process::emitWarning("The provided hostname \"" + std::string(hostname) +
                           "\" is not a valid hostname, and is supported in the dns module "
                           "solely for compatibility.",
                       "DeprecationWarning", "DEP0118");
}

// Starts the request; on a synchronous failure `done` gets the error on the next tick.
template <class Done>
void resolve(Environment& env, std::string_view hostname, const Parsed& p,
             std::shared_ptr<Done> done) {
  std::string host(hostname);
  int err = bindings::getAddrInfo(env, hostname, p.family, p.hints, p.order,
                                  [done, host](int status, std::vector<std::string> addresses) {
                                    if (status != 0) {
                                      (*done)(dnsException(status, "getaddrinfo", host), {});
                                    } else {
                                      (*done)(std::nullopt, std::move(addresses));
                                    }
                                  });
  if (err != 0) {
    env.nextTick([done, e = dnsException(err, "getaddrinfo", host)] { (*done)(e, {}); });
  }
}

}  // namespace

Error dnsException(int err, std::string_view syscall, std::string_view hostname) {
  return bindings::dnsException(err, syscall, hostname);
}

namespace detail {

void lookupOne(std::string_view hostname, const LookupOptions& options, std::string_view familyName,
               LookupCallback cb) {
  Parsed p = parse(options, familyName);
  if (options.all) {
    throw errors::invalidArgType("callback",
                                 "a function taking (err, addresses) when options.all is true",
                                 "a function taking (err, address, family)");
  }
  Environment& env = Environment::require();
  if (hostname.empty()) {
    warnInvalidHostname(hostname);
    int family = p.family == 6 ? 6 : 4;
    env.nextTick(
        [cb = std::move(cb), family]() mutable { cb(std::nullopt, std::string(), family); });
    return;
  }
  if (int matched = bindings::isIP(hostname)) {
    env.nextTick([cb = std::move(cb), host = std::string(hostname), matched]() mutable {
      cb(std::nullopt, std::move(host), matched);
    });
    return;
  }
  auto done = [cb = std::move(cb), family = p.family](std::optional<Error> err,
                                                      std::vector<std::string> addresses) mutable {
    if (err) {
      cb(std::move(err), std::string(), 0);
      return;
    }
    int f = family ? family : bindings::isIP(addresses[0]);
    cb(std::nullopt, std::move(addresses[0]), f);
  };
  resolve(env, hostname, p, std::make_shared<decltype(done)>(std::move(done)));
}

void lookupAll(std::string_view hostname, const LookupOptions& options, std::string_view familyName,
               LookupAllCallback cb) {
  Parsed p = parse(options, familyName);
  Environment& env = Environment::require();
  if (hostname.empty()) {
    warnInvalidHostname(hostname);
    env.nextTick([cb = std::move(cb)]() mutable { cb(std::nullopt, {}); });
    return;
  }
  if (int matched = bindings::isIP(hostname)) {
    env.nextTick([cb = std::move(cb), host = std::string(hostname), matched]() mutable {
      cb(std::nullopt, {LookupAddress{std::move(host), matched}});
    });
    return;
  }
  auto done = [cb = std::move(cb), family = p.family](std::optional<Error> err,
                                                      std::vector<std::string> addresses) mutable {
    if (err) {
      cb(std::move(err), {});
      return;
    }
    std::vector<LookupAddress> out;
    out.reserve(addresses.size());
    for (auto& a : addresses) {
      int f = family ? family : bindings::isIP(a);
      out.push_back({std::move(a), f});
    }
    cb(std::nullopt, std::move(out));
  };
  resolve(env, hostname, p, std::make_shared<decltype(done)>(std::move(done)));
}

}  // namespace detail

void setDefaultResultOrder(std::string_view order) {
  gDefaultOrder.store(static_cast<int>(validateOrder(order, "dnsOrder")));
}

std::string getDefaultResultOrder() {
  return orderName(static_cast<DnsOrder>(gDefaultOrder.load()));
}

}  // namespace nodecc::dns
