#include "bindings/getaddrinfo.h"

#include <netdb.h>
#include <uv.h>

#include <memory>

#include "bindings/inet.h"

namespace nodecc::bindings {

namespace {

struct GetAddrInfoReq {
  uv_getaddrinfo_t req;
  Environment* env;
  DnsOrder order;
  GetAddrInfoCallback cb;
};

std::vector<std::string> collect(const addrinfo* res, DnsOrder order) {
  std::vector<std::string> out;
  auto add = [&](bool v4, bool v6) {
    for (const addrinfo* p = res; p != nullptr; p = p->ai_next) {
      if (!((v4 && p->ai_family == AF_INET) || (v6 && p->ai_family == AF_INET6))) continue;
      char ip[INET6_ADDRSTRLEN];
      const void* a = p->ai_family == AF_INET
                          ? static_cast<const void*>(
                                &reinterpret_cast<const sockaddr_in*>(p->ai_addr)->sin_addr)
                          : static_cast<const void*>(
                                &reinterpret_cast<const sockaddr_in6*>(p->ai_addr)->sin6_addr);
      if (uv_inet_ntop(p->ai_family, a, ip, sizeof ip) != 0) continue;
      out.emplace_back(ip);
    }
  };
  switch (order) {
    case DnsOrder::kIPv4First:
      add(true, false);
      add(false, true);
      break;
    case DnsOrder::kIPv6First:
      add(false, true);
      add(true, false);
      break;
    case DnsOrder::kVerbatim:
      add(true, true);
      break;
  }
  return out;
}

void afterGetAddrInfo(uv_getaddrinfo_t* r, int status, addrinfo* res) {
  std::unique_ptr<GetAddrInfoReq> req(static_cast<GetAddrInfoReq*>(r->data));
  std::vector<std::string> addresses;
  if (status == 0) {
    addresses = collect(res, req->order);
    if (addresses.empty()) status = UV_EAI_NODATA;
  }
  uv_freeaddrinfo(res);
  req->env->makeCallback([&] { req->cb(status, std::move(addresses)); });
}

}  // namespace

Error dnsException(int err, std::string_view syscall, std::string_view hostname) {
  std::string code =
      err == UV_EAI_NODATA || err == UV_EAI_NONAME ? "ENOTFOUND" : errors::uvErrName(err);
  std::string msg = std::string(syscall) + " " + code;
  if (!hostname.empty()) msg += " " + std::string(hostname);
  Error e(std::move(msg), code);
  e.errnum = err;
  e.syscall = std::string(syscall);
  if (!hostname.empty()) e.info["hostname"] = std::string(hostname);
  return e;
}

int getAddrInfo(Environment& env, std::string_view hostname, int family, int flags, DnsOrder order,
                GetAddrInfoCallback cb) {
  auto req = std::make_unique<GetAddrInfoReq>();
  req->env = &env;
  req->order = order;
  req->cb = std::move(cb);
  req->req.data = req.get();
  addrinfo hints{};
  hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags;
  std::string host(hostname);
  int err = uv_getaddrinfo(env.loop(), &req->req, &afterGetAddrInfo, host.c_str(), nullptr, &hints);
  if (err == 0) req.release();
  return err;
}

}  // namespace nodecc::bindings
