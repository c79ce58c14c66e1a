// nodecc/dgram.h — Node's `dgram` module (UDP sockets), as in Node 20.
//
//   auto socket = dgram::createSocket("udp4");
//   socket->on("message", [&](Buffer msg, dgram::RemoteInfo rinfo) {
//     socket->send("how are you?", rinfo.port, rinfo.address);
//   });
//   socket->bind(6000);
//
// Same behaviour as lib/dgram.js: bind() resolves its address (dns.lookup) and emits
// 'listening' from a later tick; the first send() or connect() on an unbound socket
// binds it to port 0 ({exclusive: true}); sends and connects made before 'listening'
// are queued and run, in order, after it (dropped if binding fails); every send
// resolves its address (an IP literal on the next tick, no thread-pool trip);
// send callbacks get (err, bytes) on a later tick; connect() emits 'connect' on the
// next tick; close() stops receiving at once and emits 'close' on the next tick.
// Errors carry Node's codes and messages: ERR_SOCKET_BAD_TYPE, ERR_SOCKET_BAD_PORT,
// ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_DGRAM_NOT_RUNNING, ERR_SOCKET_DGRAM_IS_CONNECTED,
// ERR_SOCKET_DGRAM_NOT_CONNECTED, ERR_SOCKET_BAD_BUFFER_SIZE, ERR_SOCKET_BUFFER_SIZE,
// ERR_MISSING_ARGS, ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_FD_TYPE; system errors
// "bind EADDRINUSE 0.0.0.0:1234", "send EMSGSIZE 127.0.0.1:5000" (send errors go to
// the send callback only — without a callback Node drops them silently, and so do we),
// "addMembership EINVAL" thrown synchronously.
//
// Lifetime: a socket that has started binding keeps itself alive until 'close', even
// when every pointer is dropped (Node's handle roots it); after 'close' its listeners
// are removed. A socket never bound and no longer referenced is freed silently.
//
// Differences from Node: ports and sizes are C++ integers (Node's numeric-string
// ports are not accepted); send() takes a Buffer, a string (UTF-8) or a vector of
// Buffers; close() on a closed socket throws ERR_SOCKET_DGRAM_NOT_RUNNING exactly like
// Node (it is not a silent no-op); the few methods that in Node crash on a closed
// socket with "Cannot read properties of null" throw that same TypeError here. No
// AbortSignal option, no cluster sharing of handles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "nodecc/buffer.h"
#include "nodecc/dns.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/function.h"
#include "nodecc/util.h"

namespace nodecc::bindings {
class UdpWrap;
}

namespace nodecc::dgram {

/// The sender of a datagram (the 'message' event's second argument).
struct RemoteInfo {
  std::string address;
  std::string family;  ///< "IPv4" or "IPv6"
  int port = 0;
  std::size_t size = 0;  ///< the datagram's length
};

/// `socket.address()` / `socket.remoteAddress()`.
struct AddressInfo {
  std::string address;
  std::string family;  ///< "IPv4" or "IPv6"
  int port = 0;
};

/// `dgram.createSocket(options)`.
struct SocketOptions {
  std::string type;  ///< "udp4" or "udp6" (required)
  bool reuseAddr = false;
  bool ipv6Only = false;
  std::uint32_t recvBufferSize = 0;  ///< 0: leave the system's default
  std::uint32_t sendBufferSize = 0;
  /// Custom resolver, called as Node calls `lookup(address, family, callback)`.
  std::function<void(const std::string& hostname, int family, dns::LookupCallback cb)> lookup;
};

/// `socket.bind(options)`.
struct BindOptions {
  std::optional<int> port;  ///< default 0 (any port)
  std::string address;      ///< default "0.0.0.0" / "::"
  bool exclusive = false;   ///< accepted; without cluster every bind is exclusive
  std::optional<int> fd;    ///< bind an existing UDP socket descriptor instead
};

/// A send callback: `(err, bytes)`, `(err)` or `()`.
class SendCallback {
 public:
  SendCallback() = default;
  SendCallback(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  template <class F, class D = std::decay_t<F>,
            std::enable_if_t<!std::is_same_v<D, SendCallback> &&
                                 (std::is_invocable_v<D&, std::optional<Error>, std::size_t> ||
                                  std::is_invocable_v<D&, std::optional<Error>> ||
                                  std::is_invocable_v<D&>),
                             int> = 0>
  SendCallback(F&& f) {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_invocable_v<D&, std::optional<Error>, std::size_t>) {
      fn_ = std::forward<F>(f);
    } else if constexpr (std::is_invocable_v<D&, std::optional<Error>>) {
      fn_ = [g = std::forward<F>(f)](std::optional<Error> e, std::size_t) mutable {
        g(std::move(e));
      };
    } else {
      fn_ = [g = std::forward<F>(f)](std::optional<Error>, std::size_t) mutable { g(); };
    }
  }
  explicit operator bool() const noexcept { return static_cast<bool>(fn_); }
  void operator()(std::optional<Error> err, std::size_t bytes) { fn_(std::move(err), bytes); }

 private:
  UniqueFunction<void(std::optional<Error>, std::size_t)> fn_;
};

/// A connect callback: `(err)` or `()` (Node calls it with no argument on success).
class ConnectCallback {
 public:
  ConnectCallback() = default;
  ConnectCallback(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  template <class F, class D = std::decay_t<F>,
            std::enable_if_t<!std::is_same_v<D, ConnectCallback> &&
                                 (std::is_invocable_v<D&, std::optional<Error>> ||
                                  std::is_invocable_v<D&>),
                             int> = 0>
  ConnectCallback(F&& f) {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_invocable_v<D&, std::optional<Error>>) {
      fn_ = std::forward<F>(f);
    } else {
      fn_ = [g = std::forward<F>(f)](std::optional<Error>) mutable { g(); };
    }
  }
  explicit operator bool() const noexcept { return static_cast<bool>(fn_); }
  void operator()(std::optional<Error> err) { fn_(std::move(err)); }

 private:
  std::function<void(std::optional<Error>)> fn_;
};

/// What send() accepts: a Buffer, a string (sent as UTF-8) or a list of Buffers
/// (sent as one datagram).
class Message {
 public:
  Message(Buffer b) : first_(std::move(b)), count_(1) {}                                // NOLINT
  Message(std::string_view s) : first_(Buffer::from(s)), count_(1), isString_(true) {}  // NOLINT
  Message(const char* s) : Message(std::string_view(s)) {}                              // NOLINT
  Message(const std::string& s) : Message(std::string_view(s)) {}                       // NOLINT
  Message(std::vector<Buffer> list);                                                    // NOLINT
  Message(std::initializer_list<Buffer> list) : Message(std::vector<Buffer>(list)) {}   // NOLINT

  bool isList() const noexcept { return isList_; }
  std::size_t count() const noexcept { return count_; }

 private:
  friend class Socket;
  Buffer first_;
  std::vector<Buffer> rest_;
  std::size_t count_ = 0;
  bool isList_ = false;
  bool isString_ = false;
};

class Socket;
using SocketPtr = std::shared_ptr<Socket>;
namespace internal {
struct JsVal;
}

/// `dgram.createSocket(type)`: type "udp4" or "udp6" (else ERR_SOCKET_BAD_TYPE).
SocketPtr createSocket(std::string_view type);
/// `dgram.createSocket(options)`.
SocketPtr createSocket(SocketOptions options);

/// Node's dgram.Socket. Events: 'listening'(), 'message'(Buffer, RemoteInfo),
/// 'connect'(), 'error'(Error), 'close'().
class Socket : public EventEmitter {
  struct Private {};  // only createSocket() can name the constructor's tag

 public:
  Socket(Private, SocketOptions options);
  ~Socket() override;
  NODECC_EMITTER_METHODS(Socket)
  std::string className() const override { return "Socket"; }

  /// "udp4" or "udp6" (Node's `socket.type`).
  const std::string& type() const noexcept { return type_; }

  /// `socket.bind([port][, address][, callback])`: the callback is a 'listening'
  /// listener (removed again if 'error' comes first). Ports are truncated to 16 bits as
  /// Node does; an unusable address is an 'error' event ("bind EADDRINUSE 0.0.0.0:53").
  Socket& bind(int port, std::string_view address = {}, std::function<void()> callback = {});
  Socket& bind(int port, std::function<void()> callback);
  /// `socket.bind()` / `socket.bind(callback)`: any free port on every interface.
  Socket& bind() { return bind(BindOptions{}); }
  template <class F, std::enable_if_t<std::is_invocable_v<std::decay_t<F>&>, int> = 0>
  Socket& bind(F&& callback) {
    return bind(BindOptions{}, std::function<void()>(std::forward<F>(callback)));
  }
  /// `socket.bind(options[, callback])`.
  Socket& bind(const BindOptions& options, std::function<void()> callback = {});

  /// `socket.connect(port[, address][, callback])`: address default is localhost
  /// ("127.0.0.1" or "::1"). Throws ERR_SOCKET_BAD_PORT, ERR_SOCKET_DGRAM_IS_CONNECTED.
  void connect(int port, std::string_view address = {}, ConnectCallback callback = {});
  void connect(int port, ConnectCallback callback);
  /// `socket.disconnect()`; throws ERR_SOCKET_DGRAM_NOT_CONNECTED.
  void disconnect();

  /// `socket.send(msg, port[, address][, callback])` (unconnected sockets).
  void send(Message msg, int port, std::string_view address = {}, SendCallback callback = {});
  void send(Message msg, int port, SendCallback callback);
  /// `socket.send(msg, offset, length, port[, address][, callback])`.
  void send(Message msg, std::size_t offset, std::size_t length, int port,
            std::string_view address = {}, SendCallback callback = {});
  /// `socket.send(msg[, callback])` (connected sockets).
  void send(Message msg, SendCallback callback = {});
  /// `socket.send(msg, offset, length[, callback])` (connected sockets).
  void send(Message msg, std::size_t offset, std::size_t length, SendCallback callback = {});

  /// `socket.close([callback])`: the callback is a 'close' listener.
  Socket& close(std::function<void()> callback = {});

  /// `socket.address()`; EBADF system error before the socket is bound.
  AddressInfo address() const;
  /// `socket.remoteAddress()`; ERR_SOCKET_DGRAM_NOT_CONNECTED when not connected.
  AddressInfo remoteAddress() const;

  void setBroadcast(bool flag);
  /// Returns `ttl`; EINVAL outside 1–255.
  int setTTL(int ttl);
  /// Returns `ttl`; EINVAL outside 0–255.
  int setMulticastTTL(int ttl);
  /// Returns `flag`.
  bool setMulticastLoopback(bool flag);
  void setMulticastInterface(std::string_view interfaceAddress);
  /// Throws ERR_MISSING_ARGS for an empty address and Node's system errors
  /// ("addMembership EINVAL" for a non-multicast address).
  void addMembership(std::string_view multicastAddress,
                     std::optional<std::string> interfaceAddress = {});
  void dropMembership(std::string_view multicastAddress,
                      std::optional<std::string> interfaceAddress = {});
  void addSourceSpecificMembership(std::string_view sourceAddress, std::string_view groupAddress,
                                   std::optional<std::string> interfaceAddress = {});
  void dropSourceSpecificMembership(std::string_view sourceAddress, std::string_view groupAddress,
                                    std::optional<std::string> interfaceAddress = {});

  /// Sizes outside 0–2^32-1 throw ERR_SOCKET_BAD_BUFFER_SIZE; failures throw the
  /// SystemError ERR_SOCKET_BUFFER_SIZE. Linux reports twice the size set.
  void setRecvBufferSize(std::int64_t size);
  void setSendBufferSize(std::int64_t size);
  int getRecvBufferSize() const;
  int getSendBufferSize() const;
  /// Bytes / datagrams waiting in libuv's send queue.
  std::size_t getSendQueueSize() const;
  std::size_t getSendQueueCount() const;

  /// `socket.ref()` / `socket.unref()`: no-ops on a closed socket.
  Socket& ref();
  Socket& unref();

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;

 private:
  friend SocketPtr createSocket(SocketOptions options);
  class Impl;
  struct PendingSend;
  enum class BindState { kUnbound, kBinding, kBound };
  enum class ConnectState { kDisconnected, kConnecting, kConnected };

  void healthCheck() const;
  void lookup(const std::string& address, dns::LookupCallback cb);
  void startListening();
  void enqueue(Task t);
  void clearQueue();
  int bufferSize(std::int64_t size, bool recv) const;
  void bindImpl(const BindOptions& options, std::function<void()> callback, bool fromOptions);
  void afterBindLookup(std::optional<Error> err, const std::string& ip, std::optional<int> port);
  void connectNow(int port, const std::string& address, std::shared_ptr<ConnectCallback> cb);
  void sendJs(Message buffer, internal::JsVal offset, internal::JsVal length, internal::JsVal port,
              internal::JsVal address, SendCallback callback);
  static void sliceBuffer(Message& m, const internal::JsVal& offset, const internal::JsVal& length);
  void doSend(PendingSend* p, std::optional<Error> ex, const std::string& ip);
  PendingSend* takePending();
  void releasePending(PendingSend* p);
  std::shared_ptr<Socket> self() { return std::static_pointer_cast<Socket>(shared_from_this()); }

  std::string type_;
  int family_;
  std::unique_ptr<Impl> impl_;
  bindings::UdpWrap* handle_ = nullptr;  // null once closed (Node: state.handle = null)
  bool receiving_ = false;
  BindState bindState_ = BindState::kUnbound;
  ConnectState connectState_ = ConnectState::kDisconnected;
  std::optional<std::vector<Task>> queue_;  // sends/connects waiting for 'listening'
  bool reuseAddr_;
  bool ipv6Only_;
  std::uint32_t recvBufferSize_;
  std::uint32_t sendBufferSize_;
  std::function<void(const std::string&, int, dns::LookupCallback)> lookup_;
  std::shared_ptr<Socket> selfRef_;  // held from the first bind until 'close'
  std::vector<std::unique_ptr<PendingSend>> allPending_;
  std::vector<PendingSend*> freePending_;
};

/// `dgram.createSocket(type, callback)`: the callback is a 'message' listener (it may take
/// a prefix of `(Buffer, RemoteInfo)`).
template <class F>
SocketPtr createSocket(std::string_view type, F&& callback) {
  SocketPtr s = createSocket(type);
  s->on("message", std::forward<F>(callback));
  return s;
}
/// `dgram.createSocket(options, callback)`.
template <class F>
SocketPtr createSocket(SocketOptions options, F&& callback) {
  SocketPtr s = createSocket(std::move(options));
  s->on("message", std::forward<F>(callback));
  return s;
}

}  // namespace nodecc::dgram

namespace nodecc::util {
/// Prints `{ address: '127.0.0.1', family: 'IPv4', port: 41234, size: 5 }` like Node.
template <>
struct Inspector<dgram::RemoteInfo> {
  static std::string inspect(const dgram::RemoteInfo& r, InspectContext& ctx, int depth);
};
/// Prints `{ address: '0.0.0.0', family: 'IPv4', port: 41234 }` like Node.
template <>
struct Inspector<dgram::AddressInfo> {
  static std::string inspect(const dgram::AddressInfo& a, InspectContext& ctx, int depth);
};
}  // namespace nodecc::util
