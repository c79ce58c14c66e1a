#include "bindings/udp_wrap.h"

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace nodecc::bindings {

namespace {

// libuv hands recvmmsg one buffer and splits it into 64 KiB chunks (at most 20).
constexpr std::size_t kDgramMax = 64 * 1024;
constexpr std::size_t kMmsgChunks = 16;
constexpr std::size_t kSlabSize = kDgramMax * kMmsgChunks;

// One receive slab per thread: libuv allocates, reads and delivers every chunk of
// one socket before it reads another, and a datagram is copied out before user code
// sees it, so all sockets of a thread can share it. Pages are touched only as far as
// datagrams reach, so the resident cost is small.
char* recvSlab() {
  thread_local std::unique_ptr<char[]> slab(new char[kSlabSize]);
  return slab.get();
}

uv_handle_t* initUdp(Environment& env, uv_udp_t* h) {
  // With AF_UNSPEC no socket is made yet, so this cannot fail.
  int r = uv_udp_init_ex(env.loop(), h, AF_UNSPEC | UV_UDP_RECVMMSG);
  if (r != 0) std::abort();
  return reinterpret_cast<uv_handle_t*>(h);
}

}  // namespace

struct UdpWrap::SendReq {
  uv_udp_send_t req;
  Buffer first;
  std::vector<Buffer> rest;
  std::size_t size = 0;
  SendCallback cb;
};

UdpWrap::UdpWrap(Environment& env, int family, Owner* owner)
    : HandleWrap(env, initUdp(env, &handle_)), family_(family), owner_(owner) {}

UdpWrap::~UdpWrap() {
  for (SendReq* r : freeReqs_) delete r;
}

UdpWrap* UdpWrap::create(Environment& env, int family, Owner* owner) {
  return new UdpWrap(env, family, owner);
}

void UdpWrap::onClosing() {
  owner_ = nullptr;
  uv_udp_recv_stop(&handle_);
}

int UdpWrap::toSockaddr(std::string_view ip, int port, sockaddr_storage* out) const noexcept {
  // Node passes the port as an unsigned short (65536 becomes 0, -1 becomes 65535).
  auto p = static_cast<std::uint16_t>(static_cast<std::uint32_t>(port));
  return makeSockaddr(family_, ip, p, out);
}

int UdpWrap::bind(std::string_view ip, int port, unsigned flags) {
  sockaddr_storage ss;
  int err = toSockaddr(ip, port, &ss);
  if (err == 0) err = uv_udp_bind(&handle_, reinterpret_cast<sockaddr*>(&ss), flags);
  return err;
}

int UdpWrap::connect(std::string_view ip, int port) {
  sockaddr_storage ss;
  int err = toSockaddr(ip, port, &ss);
  if (err == 0) err = uv_udp_connect(&handle_, reinterpret_cast<sockaddr*>(&ss));
  return err;
}

int UdpWrap::disconnect() { return uv_udp_connect(&handle_, nullptr); }

int UdpWrap::open(int fd) { return uv_udp_open(&handle_, fd); }

std::string UdpWrap::guessHandleType(int fd) {
  switch (uv_guess_handle(fd)) {
    case UV_TCP:
      return "TCP";
    case UV_TTY:
      return "TTY";
    case UV_UDP:
      return "UDP";
    case UV_FILE:
      return "FILE";
    case UV_NAMED_PIPE:
      return "PIPE";
    default:
      return "UNKNOWN";
  }
}

int UdpWrap::getsockname(SocketAddress* out) const {
  sockaddr_storage ss;
  int len = sizeof ss;
  int err = uv_udp_getsockname(&handle_, reinterpret_cast<sockaddr*>(&ss), &len);
  if (err == 0) *out = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  return err;
}

int UdpWrap::getpeername(SocketAddress* out) const {
  sockaddr_storage ss;
  int len = sizeof ss;
  int err = uv_udp_getpeername(&handle_, reinterpret_cast<sockaddr*>(&ss), &len);
  if (err == 0) *out = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  return err;
}

int UdpWrap::setBroadcast(bool on) { return uv_udp_set_broadcast(&handle_, on ? 1 : 0); }
int UdpWrap::setTTL(int ttl) { return uv_udp_set_ttl(&handle_, ttl); }
int UdpWrap::setMulticastTTL(int ttl) { return uv_udp_set_multicast_ttl(&handle_, ttl); }
int UdpWrap::setMulticastLoopback(bool on) {
  return uv_udp_set_multicast_loop(&handle_, on ? 1 : 0);
}

int UdpWrap::setMulticastInterface(std::string_view iface) {
  std::string s(iface);
  return uv_udp_set_multicast_interface(&handle_, s.c_str());
}

int UdpWrap::setMembership(std::string_view group, const std::string* iface, bool join) {
  std::string g(group);
  return uv_udp_set_membership(&handle_, g.c_str(), iface ? iface->c_str() : nullptr,
                               join ? UV_JOIN_GROUP : UV_LEAVE_GROUP);
}

int UdpWrap::setSourceMembership(std::string_view source, std::string_view group,
                                 const std::string* iface, bool join) {
  std::string s(source), g(group);
  return uv_udp_set_source_membership(&handle_, g.c_str(), iface ? iface->c_str() : nullptr,
                                      s.c_str(), join ? UV_JOIN_GROUP : UV_LEAVE_GROUP);
}

int UdpWrap::bufferSize(int* size, bool recv) {
  auto* h = reinterpret_cast<uv_handle_t*>(&handle_);
  return recv ? uv_recv_buffer_size(h, size) : uv_send_buffer_size(h, size);
}

int UdpWrap::recvStart() {
  if (isClosing()) return UV_EBADF;
  int err = uv_udp_recv_start(&handle_, &UdpWrap::onAlloc, &UdpWrap::onRecv);
  return err == UV_EALREADY ? 0 : err;
}

int UdpWrap::recvStop() {
  if (isClosing()) return UV_EBADF;
  return uv_udp_recv_stop(&handle_);
}

void UdpWrap::onAlloc(uv_handle_t*, std::size_t, uv_buf_t* buf) {
  *buf = uv_buf_init(recvSlab(), kSlabSize);
}

void UdpWrap::onRecv(uv_udp_t* h, ssize_t nread, const uv_buf_t* buf, const sockaddr* addr,
                     unsigned flags) {
  if (flags & UV_UDP_MMSG_FREE) return;  // the slab is not freed per read
  if (nread == 0 && addr == nullptr) return;
  auto* self = static_cast<UdpWrap*>(h->data);
  if (self->owner_ == nullptr) return;
  if (nread < 0) {
    self->env().makeCallback([&] {
      if (self->owner_) self->owner_->onRecvError(static_cast<int>(nread));
    });
    return;
  }
  Buffer msg = Buffer::copyOf(buf->base, static_cast<std::size_t>(nread));
  self->env().makeCallback([&] {
    if (self->owner_) self->owner_->onMessage(std::move(msg), addr);
  });
}

std::ptrdiff_t UdpWrap::send(const Buffer* bufs, std::size_t count, const sockaddr* addr,
                             UniqueFunction<SendCallback()> makeCallback) {
  if (isClosing()) return UV_EBADF;
  constexpr std::size_t kStack = 16;
  uv_buf_t stackBufs[kStack];
  std::unique_ptr<uv_buf_t[]> heapBufs;
  uv_buf_t* ub = stackBufs;
  if (count > kStack) {
    heapBufs.reset(new uv_buf_t[count]);
    ub = heapBufs.get();
  }
  std::size_t size = 0;
  for (std::size_t i = 0; i < count; ++i) {
    ub[i] = uv_buf_init(const_cast<char*>(bufs[i].chars()),
                        static_cast<unsigned>(bufs[i].length()));
    size += bufs[i].length();
  }
  int err = uv_udp_try_send(&handle_, ub, static_cast<unsigned>(count), addr);
  if (err >= 0) return static_cast<std::ptrdiff_t>(size) + 1;  // a datagram goes whole
  if (err != UV_EAGAIN && err != UV_ENOSYS) return err;

  SendReq* req;
  if (freeReqs_.empty()) {
    req = new SendReq;
  } else {
    req = freeReqs_.back();
    freeReqs_.pop_back();
  }
  if (count > 0) req->first = bufs[0];
  for (std::size_t i = 1; i < count; ++i) req->rest.push_back(bufs[i]);
  req->size = size;
  req->req.data = req;
  err = uv_udp_send(&req->req, &handle_, ub, static_cast<unsigned>(count), addr,
                    &UdpWrap::onSend);
  if (err != 0) {
    req->first = Buffer();
    req->rest.clear();
    freeReqs_.push_back(req);
    return err;
  }
  // libuv never completes a send synchronously, so the callback can be made now.
  if (makeCallback) req->cb = makeCallback();
  return 0;
}

void UdpWrap::onSend(uv_udp_send_t* r, int status) {
  auto* req = static_cast<SendReq*>(r->data);
  auto* self = static_cast<UdpWrap*>(r->handle->data);
  SendCallback cb = std::move(req->cb);
  std::size_t size = req->size;
  req->first = Buffer();
  req->rest.clear();
  self->freeReqs_.push_back(req);
  if (cb) self->env().makeCallback([&] { cb(status, size); });
}

std::size_t UdpWrap::sendQueueSize() const noexcept { return uv_udp_get_send_queue_size(&handle_); }
std::size_t UdpWrap::sendQueueCount() const noexcept {
  return uv_udp_get_send_queue_count(&handle_);
}

}  // namespace nodecc::bindings
