// bindings/udp_wrap.h — a uv_udp_t (Node's src/udp_wrap.cc).
//
// Thin: every method is one libuv call with Node's argument conversions (ports are
// truncated to 16 bits as Node's sockaddr_for_family does; a udp4 wrapper parses
// addresses as IPv4 and a udp6 wrapper as IPv6) and returns 0 or a negative libuv
// error; the dgram module turns those into Node's errors.
//
// Receiving reads with recvmmsg into one per-thread slab and copies each datagram
// into a Buffer of exactly its size (one allocation per datagram, as Node's
// allocate-then-shrink). The owner's onMessage/onRecvError run inside
// Environment::makeCallback.
//
// Sending is Node's UDPWrap::Send: uv_udp_try_send first; only when the socket
// would block (or libuv has sends queued) is a request queued, and that request
// holds references to the Buffers until libuv's send callback. Requests are pooled
// per wrapper. Pending sends fail with UV_ECANCELED when the handle closes (libuv).
//
// A send without a callback has no observable outcome in Node (its errors are
// dropped), so sendLater() batches such datagrams and writes them with sendmmsg
// before the loop next waits for I/O (a uv_prepare_t), or earlier when anything else
// is done with the socket (another send, an option change, connect, close), so they
// leave in order and under the options they were sent with. Runs of equal small
// datagrams to one destination go as one UDP GSO send (the kernel cuts them into the
// same datagrams), falling back to sendmmsg where the path has no GSO.
#pragma once

#include <sys/uio.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bindings/handle_wrap.h"
#include "bindings/inet.h"
#include "nodecc/buffer.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

class UdpWrap final : public HandleWrap {
 public:
  /// What the owner (dgram.Socket) receives. Both run inside makeCallback.
  class Owner {
   public:
    /// A datagram (possibly empty) and its sender.
    virtual void onMessage(Buffer msg, const sockaddr* from) = 0;
    /// A receive error (negative libuv error), Node's onmessage with nread < 0.
    virtual void onRecvError(int err) = 0;

   protected:
    ~Owner() = default;
  };

  /// Send completion: status 0 or a negative libuv error, and the datagram's size.
  using SendCallback = UniqueFunction<void(int status, std::size_t size)>;

  static constexpr unsigned kReuseAddr = UV_UDP_REUSEADDR;
  static constexpr unsigned kIpv6Only = UV_UDP_IPV6ONLY;

  /// A new uv_udp_t for `family` 4 or 6 (no socket yet: it is made by bind, or by
  /// libuv's implicit bind on the first send or membership change).
  static UdpWrap* create(Environment& env, int family, Owner* owner);

  int family() const noexcept { return family_; }
  /// Detaches the owner: no onMessage/onRecvError after this.
  void setOwner(Owner* owner) noexcept { owner_ = owner; }

  /// Node's bind/bind6(ip, port, flags).
  int bind(std::string_view ip, int port, unsigned flags);
  /// Node's connect/connect6(ip, port).
  int connect(std::string_view ip, int port);
  /// uv_udp_connect(NULL).
  int disconnect();
  /// uv_udp_open on an existing datagram socket.
  int open(int fd);
  /// uv_guess_handle(fd) as Node names it ("UDP", "TCP", "PIPE", "TTY", "FILE", "UNKNOWN").
  static std::string guessHandleType(int fd);

  int getsockname(SocketAddress* out) const;
  int getpeername(SocketAddress* out) const;

  int setBroadcast(bool on);
  int setTTL(int ttl);
  int setMulticastTTL(int ttl);
  int setMulticastLoopback(bool on);
  int setMulticastInterface(std::string_view iface);
  /// uv_udp_set_membership; `iface` nullptr means "let the system choose".
  int setMembership(std::string_view group, const std::string* iface, bool join);
  /// uv_udp_set_source_membership.
  int setSourceMembership(std::string_view source, std::string_view group, const std::string* iface,
                          bool join);
  /// uv_recv_buffer_size / uv_send_buffer_size: `*size` 0 reads, else sets.
  int bufferSize(int* size, bool recv);

  int recvStart();
  int recvStop();

  /// Node's UDPWrap::Send. `addr` is null on a connected socket. Returns size + 1
  /// when the datagram went out synchronously, 0 when it was queued, or a negative
  /// libuv error. Only a queued send asks `makeCallback` (if set) for the callback to
  /// run on its completion, so a synchronous send allocates nothing for it.
  std::ptrdiff_t send(const Buffer* bufs, std::size_t count, const sockaddr* addr,
                      UniqueFunction<SendCallback()> makeCallback);
  /// A send nobody waits for: batched as described above (the Buffers are held until
  /// written). Errors are dropped, as Node drops them without a callback.
  void sendLater(const Buffer* bufs, std::size_t count, const sockaddr* addr);
  /// Writes the batched datagrams now.
  void flush();
  std::size_t sendQueueSize() noexcept;
  std::size_t sendQueueCount() noexcept;

 private:
  struct SendReq;
  struct Batched {
    Buffer first;
    std::vector<Buffer> rest;
    std::size_t count = 0;
    sockaddr_storage addr;
    bool hasAddr = false;
    const Buffer& piece(std::size_t k) const noexcept { return k == 0 ? first : rest[k - 1]; }
    std::size_t size() const noexcept;
    std::size_t fill(iovec* iov) const noexcept;  // its pieces; returns how many
  };
  struct Written {
    std::size_t done;  // batch entries dealt with (sent, or dropped on their error)
    bool full;         // the socket would block
  };
  UdpWrap(Environment& env, int family, Owner* owner);
  ~UdpWrap() override;
  void onClosing() override;
  int toSockaddr(std::string_view ip, int port, sockaddr_storage* out) const noexcept;
  static void onAlloc(uv_handle_t* h, std::size_t suggested, uv_buf_t* buf);
  static void onRecv(uv_udp_t* h, ssize_t nread, const uv_buf_t* buf, const sockaddr* addr,
                     unsigned flags);
  static void onSend(uv_udp_send_t* req, int status);
  static void onPrepare(uv_prepare_t* p);
  std::size_t gsoGroup(std::size_t i, std::size_t len) const noexcept;
  Written writeGso(int fd, std::size_t i, std::size_t g);
  Written writeMany(int fd, std::size_t i, std::size_t end);
  std::ptrdiff_t queueSend(const uv_buf_t* ub, const Buffer* bufs, std::size_t count,
                           std::size_t size, const sockaddr* addr,
                           UniqueFunction<SendCallback()>& makeCallback);

  uv_udp_t handle_;
  int family_;
  Owner* owner_;
  std::vector<SendReq*> freeReqs_;
  std::vector<Batched> batch_;  // entries [0, batchLen_) are pending; the rest are reused
  std::size_t batchLen_ = 0;
  uv_prepare_t* prepare_ = nullptr;  // runs flush() before the loop polls
  int gsoFailures_ = 0;              // UDP GSO refused this many times: stop trying
};

}  // namespace nodecc::bindings
