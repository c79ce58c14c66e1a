// bindings/getaddrinfo.h — uv_getaddrinfo as Node's cares_wrap uses it for dns.lookup.
//
// The request runs on libuv's thread pool. Its completion is Node's AfterGetAddrInfo:
// the numeric addresses of the answer (SOCK_STREAM entries, so each address once), in
// the order asked for, no scope ids; an answer without any address is UV_EAI_NODATA.
// The callback runs inside Environment::makeCallback, so it is never called once
// the Environment is stopping (the request is still freed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

/// Order of the addresses passed to the callback (Node's DNS_ORDER_*).
enum class DnsOrder { kVerbatim, kIPv4First, kIPv6First };

/// `status` is 0 or a negative libuv error (UV_EAI_NONAME, UV_EAI_NODATA, …).
using GetAddrInfoCallback = UniqueFunction<void(int status, std::vector<std::string> addresses)>;

/// Starts resolving `hostname` for `family` (0, 4 or 6) with getaddrinfo `flags`
/// (AI_ADDRCONFIG, AI_V4MAPPED, AI_ALL). Returns 0, or a libuv error when the request
/// could not be started (then `cb` is dropped without being called).
int getAddrInfo(Environment& env, std::string_view hostname, int family, int flags, DnsOrder order,
                GetAddrInfoCallback cb);

/// Node's DNSException for a libuv error: "<syscall> <CODE>[ <hostname>]", code ENOTFOUND
/// for UV_EAI_NONAME and UV_EAI_NODATA (Node's fabricated name), else the libuv name;
/// errno, syscall, and `hostname` in `info` when given.
Error dnsException(int err, std::string_view syscall, std::string_view hostname = {});

}  // namespace nodecc::bindings
