#include "bindings/udp_wrap.h"

#include <netinet/udp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
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
  flush();  // what was sent before close() leaves, as it had in Node
  if (prepare_) {
    uv_close(reinterpret_cast<uv_handle_t*>(prepare_),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_prepare_t*>(h); });
    prepare_ = nullptr;
  }
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
  flush();
  sockaddr_storage ss;
  int err = toSockaddr(ip, port, &ss);
  if (err == 0) err = uv_udp_connect(&handle_, reinterpret_cast<sockaddr*>(&ss));
  return err;
}

int UdpWrap::disconnect() {
  flush();
  return uv_udp_connect(&handle_, nullptr);
}

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

// Options that change how datagrams leave apply only to later sends: flush first.
int UdpWrap::setBroadcast(bool on) {
  flush();
  return uv_udp_set_broadcast(&handle_, on ? 1 : 0);
}
int UdpWrap::setTTL(int ttl) {
  flush();
  return uv_udp_set_ttl(&handle_, ttl);
}
int UdpWrap::setMulticastTTL(int ttl) {
  flush();
  return uv_udp_set_multicast_ttl(&handle_, ttl);
}
int UdpWrap::setMulticastLoopback(bool on) {
  flush();
  return uv_udp_set_multicast_loop(&handle_, on ? 1 : 0);
}

int UdpWrap::setMulticastInterface(std::string_view iface) {
  flush();
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
  if (!recv) flush();
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

namespace {
// uv_buf_t views of `bufs` (on the stack for the usual one to sixteen pieces).
class BufList {
 public:
  BufList(const Buffer* bufs, std::size_t count) {
    if (count > kStack) {
      heap_.reset(new uv_buf_t[count]);
      list_ = heap_.get();
    }
    for (std::size_t i = 0; i < count; ++i) {
      list_[i] =
          uv_buf_init(const_cast<char*>(bufs[i].chars()), static_cast<unsigned>(bufs[i].length()));
      size_ += bufs[i].length();
    }
  }
  const uv_buf_t* get() const noexcept { return list_; }
  std::size_t size() const noexcept { return size_; }

 private:
  static constexpr std::size_t kStack = 16;
  uv_buf_t stack_[kStack];
  std::unique_ptr<uv_buf_t[]> heap_;
  uv_buf_t* list_ = stack_;
  std::size_t size_ = 0;
};
}  // namespace

std::ptrdiff_t UdpWrap::send(const Buffer* bufs, std::size_t count, const sockaddr* addr,
                             UniqueFunction<SendCallback()> makeCallback) {
  if (isClosing()) return UV_EBADF;
  flush();
  BufList ub(bufs, count);
  int err = uv_udp_try_send(&handle_, ub.get(), static_cast<unsigned>(count), addr);
  if (err >= 0) return static_cast<std::ptrdiff_t>(ub.size()) + 1;  // a datagram goes whole
  if (err != UV_EAGAIN && err != UV_ENOSYS) return err;
  return queueSend(ub.get(), bufs, count, ub.size(), addr, makeCallback);
}

std::ptrdiff_t UdpWrap::queueSend(const uv_buf_t* ub, const Buffer* bufs, std::size_t count,
                                  std::size_t size, const sockaddr* addr,
                                  UniqueFunction<SendCallback()>& makeCallback) {
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
  int err =
      uv_udp_send(&req->req, &handle_, ub, static_cast<unsigned>(count), addr, &UdpWrap::onSend);
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

void UdpWrap::sendLater(const Buffer* bufs, std::size_t count, const sockaddr* addr) {
  if (isClosing()) return;
  uv_os_fd_t fd = -1;
  // Without a socket yet (libuv binds on the first send) or behind libuv's own queue,
  // the datagram takes the ordinary path so that order is kept.
  if (uv_fileno(reinterpret_cast<uv_handle_t*>(&handle_), &fd) != 0 || fd < 0 ||
      uv_udp_get_send_queue_count(&handle_) != 0) {
    send(bufs, count, addr, nullptr);
    return;
  }
  if (batchLen_ == batch_.size()) batch_.emplace_back();
  Batched& b = batch_[batchLen_++];
  if (count > 0) b.first = bufs[0];
  for (std::size_t i = 1; i < count; ++i) b.rest.push_back(bufs[i]);
  b.count = count;
  b.hasAddr = addr != nullptr;
  if (addr) std::memcpy(&b.addr, addr, sockaddrLength(addr));
  if (!prepare_) {
    prepare_ = new uv_prepare_t;
    uv_prepare_init(env().loop(), prepare_);
    prepare_->data = this;
  }
  if (!uv_is_active(reinterpret_cast<uv_handle_t*>(prepare_))) {
    uv_prepare_start(prepare_, &UdpWrap::onPrepare);
  }
  if (batchLen_ >= 1024) flush();  // bounded, whatever the caller does
}

void UdpWrap::onPrepare(uv_prepare_t* p) { static_cast<UdpWrap*>(p->data)->flush(); }

namespace {

constexpr std::size_t kMaxMsgs = 64;  // datagrams per sendmmsg
constexpr std::size_t kMaxIov = 256;  // pieces per sendmmsg / GSO send
constexpr std::size_t kMaxSegments = 64, kMaxSegment = 1024, kMaxGsoTotal = 60000;

bool sameDestination(const sockaddr_storage& a, bool hasA, const sockaddr_storage& b, bool hasB) {
  if (hasA != hasB) return false;
  if (!hasA) return true;
  return std::memcmp(&a, &b, sockaddrLength(reinterpret_cast<const sockaddr*>(&a))) == 0;
}

bool wouldBlock(int e) { return e == EAGAIN || e == EWOULDBLOCK || e == ENOBUFS; }

}  // namespace

std::size_t UdpWrap::Batched::size() const noexcept {
  std::size_t n = 0;
  for (std::size_t k = 0; k < count; ++k) n += piece(k).length();
  return n;
}

std::size_t UdpWrap::Batched::fill(iovec* iov) const noexcept {
  for (std::size_t k = 0; k < count; ++k) {
    iov[k].iov_base = const_cast<char*>(piece(k).chars());
    iov[k].iov_len = piece(k).length();
  }
  return count;
}

std::size_t UdpWrap::gsoGroup(std::size_t i, std::size_t len) const noexcept {
  // A run of equal, small datagrams to one destination, which one UDP GSO send carries.
  if (gsoFailures_ >= 3) return 1;
  const Batched& first = batch_[i];
  std::size_t size = first.size();
  if (size == 0 || size > kMaxSegment) return 1;
  std::size_t g = 1, pieces = first.count;
  while (i + g < len && g < kMaxSegments && (g + 1) * size <= kMaxGsoTotal) {
    const Batched& b = batch_[i + g];
    if (pieces + b.count > kMaxIov || b.size() != size ||
        !sameDestination(b.addr, b.hasAddr, first.addr, first.hasAddr)) {
      break;
    }
    pieces += b.count;
    ++g;
  }
  return g;
}

UdpWrap::Written UdpWrap::writeGso(int fd, std::size_t i, std::size_t g) {
  iovec iov[kMaxIov];
  std::size_t used = 0;
  for (std::size_t k = 0; k < g; ++k) used += batch_[i + k].fill(iov + used);
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(std::uint16_t))] = {};
  msghdr mh{};
  mh.msg_iov = iov;
  mh.msg_iovlen = used;
  if (batch_[i].hasAddr) {
    mh.msg_name = &batch_[i].addr;
    mh.msg_namelen = sockaddrLength(reinterpret_cast<sockaddr*>(&batch_[i].addr));
  }
  mh.msg_control = control;
  mh.msg_controllen = sizeof control;
  cmsghdr* cm = CMSG_FIRSTHDR(&mh);
  cm->cmsg_level = SOL_UDP;
  cm->cmsg_type = UDP_SEGMENT;
  cm->cmsg_len = CMSG_LEN(sizeof(std::uint16_t));
  auto segment = static_cast<std::uint16_t>(batch_[i].size());
  std::memcpy(CMSG_DATA(cm), &segment, sizeof segment);
  ssize_t r;
  do {
    r = ::sendmsg(fd, &mh, 0);
  } while (r < 0 && errno == EINTR);
  if (r >= 0) return {g, false};
  if (wouldBlock(errno)) return {0, true};
  if (errno == EINVAL || errno == EIO || errno == EOPNOTSUPP || errno == ENOPROTOOPT) {
    ++gsoFailures_;  // no GSO on this path (MTU, no checksum offload …): one by one
    return writeMany(fd, i, i + g);
  }
  return {1, false};  // the first datagram's error (ECONNREFUSED …): dropped, as in Node
}

UdpWrap::Written UdpWrap::writeMany(int fd, std::size_t i, std::size_t end) {
  mmsghdr msgs[kMaxMsgs];
  iovec iov[kMaxIov];
  std::size_t n = 0, used = 0;
  while (i + n < end && n < kMaxMsgs && used + batch_[i + n].count <= kMaxIov) {
    Batched& b = batch_[i + n];
    msgs[n].msg_hdr = msghdr{};
    msgs[n].msg_hdr.msg_iov = iov + used;
    msgs[n].msg_hdr.msg_iovlen = b.fill(iov + used);
    if (b.hasAddr) {
      msgs[n].msg_hdr.msg_name = &b.addr;
      msgs[n].msg_hdr.msg_namelen = sockaddrLength(reinterpret_cast<sockaddr*>(&b.addr));
    }
    used += b.count;
    ++n;
  }
  if (n == 0) {  // one datagram of more pieces than kMaxIov: libuv's path
    const Batched& b = batch_[i];
    std::vector<Buffer> all;
    for (std::size_t k = 0; k < b.count; ++k) all.push_back(b.piece(k));
    send(all.data(), all.size(), b.hasAddr ? reinterpret_cast<const sockaddr*>(&b.addr) : nullptr,
         nullptr);
    return {1, false};
  }
  int r;
  do {
    r = ::sendmmsg(fd, msgs, static_cast<unsigned>(n), 0);
  } while (r < 0 && errno == EINTR);
  if (r > 0) return {static_cast<std::size_t>(r), false};
  if (r < 0 && wouldBlock(errno)) return {0, true};
  return {1, false};  // this datagram failed (EMSGSIZE, ECONNREFUSED …): dropped, as in Node
}

void UdpWrap::flush() {
  if (batchLen_ == 0) return;
  if (prepare_) uv_prepare_stop(prepare_);
  std::size_t len = batchLen_;
  batchLen_ = 0;  // the fallbacks below send through send(), which flushes first
  uv_os_fd_t fd = -1;
  uv_fileno(reinterpret_cast<uv_handle_t*>(&handle_), &fd);
  std::size_t i = 0;
  while (i < len) {
    std::size_t g = gsoGroup(i, len);
    std::size_t end = i + 1;
    if (g < 2) {
      // Up to the next run worth a GSO send.
      while (end < len && end - i < kMaxMsgs && gsoGroup(end, len) < 2) ++end;
    }
    Written w = g >= 2 ? writeGso(fd, i, g) : writeMany(fd, i, end);
    i += w.done;
    if (w.full) {
      // The socket is full: libuv's queue takes the rest, in order, and writes it when
      // the socket is writable again.
      for (; i < len; ++i) {
        const Batched& b = batch_[i];
        std::vector<Buffer> all;
        for (std::size_t k = 0; k < b.count; ++k) all.push_back(b.piece(k));
        BufList ub(all.data(), all.size());
        UniqueFunction<SendCallback()> none;
        queueSend(ub.get(), all.data(), all.size(), ub.size(),
                  b.hasAddr ? reinterpret_cast<const sockaddr*>(&b.addr) : nullptr, none);
      }
    }
  }
  for (std::size_t k = 0; k < len; ++k) {
    batch_[k].first = Buffer();
    batch_[k].rest.clear();
  }
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

std::size_t UdpWrap::sendQueueSize() noexcept {
  flush();
  return uv_udp_get_send_queue_size(&handle_);
}
std::size_t UdpWrap::sendQueueCount() noexcept {
  flush();
  return uv_udp_get_send_queue_count(&handle_);
}

}  // namespace nodecc::bindings
