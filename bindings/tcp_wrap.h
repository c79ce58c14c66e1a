// bindings/tcp_wrap.h — uv_tcp_t and uv_pipe_t wrappers (Node's TCPWrap, PipeWrap).
#pragma once

#include <uv.h>

#include <memory>
#include <string>
#include <string_view>

#include "bindings/inet.h"
#include "bindings/stream_wrap.h"

namespace nodecc::bindings {

/// Common to TCP and pipe handles that listen and connect.
class ConnectionWrap : public StreamWrap {
 public:
  /// A new connection (status 0 with the accepted client) or an accept error.
  using ConnectionCallback = UniqueFunction<void(int status, ConnectionWrap* client)>;
  using StatusCallback = StreamWrap::StatusCallback;

  /// uv_listen; `cb` runs from the libuv callback for each connection.
  int listen(int backlog, ConnectionCallback cb);
  virtual bool isTcp() const noexcept = 0;

 protected:
  ConnectionWrap(Environment& env, uv_handle_t* h) : StreamWrap(env, h) {}
  virtual ConnectionWrap* makeClient() = 0;
  void onClosing() override;

 private:
  static void onConnection(uv_stream_t* server, int status);
  // Boxed: only a listening handle has one, and every accepted connection is a
  // ConnectionWrap too.
  std::unique_ptr<ConnectionCallback> onConnection_;
};

class TcpWrap final : public ConnectionWrap {
 public:
  /// A new socket on env's loop (closed and freed through close()).
  static TcpWrap* create(Environment& env);
  bool isTcp() const noexcept override { return true; }

  int open(int fd);
  /// bind(ip, port) for IPv4; bind6 with flags (UV_TCP_IPV6ONLY).
  int bind(std::string_view ip, int port, unsigned flags = 0);
  /// uv_tcp_connect; `cb(status)` from the libuv callback.
  int connect(std::string_view ip, int port, StatusCallback cb);
  int getsockname(SocketAddress* out) const;
  int getpeername(SocketAddress* out) const;
  int setNoDelay(bool enable);
  int setKeepAlive(bool enable, unsigned delaySeconds);
  /// Sends RST on close (uv_tcp_close_reset); the wrapper is then closed.
  int reset(Task onClosed);
  uv_tcp_t* tcp() noexcept { return &tcp_; }

 protected:
  ConnectionWrap* makeClient() override { return create(env()); }

 private:
  explicit TcpWrap(Environment& env);
  uv_tcp_t tcp_;
};

class PipeWrap final : public ConnectionWrap {
 public:
  /// `ipc`: the pipe can carry handles (child_process IPC channels).
  static PipeWrap* create(Environment& env, bool ipc = false);
  bool isTcp() const noexcept override { return false; }
  bool isIpc() const noexcept override { return ipc_; }

  int open(int fd);
  int bind(std::string_view path);
  int connect(std::string_view path, StatusCallback cb);
  /// uv_pipe_chmod (UV_READABLE | UV_WRITABLE).
  int fchmod(int mode);
  std::string getsockname() const;
  std::string getpeername() const;
  uv_pipe_t* pipe() noexcept { return &pipe_; }
  /// For IPC pipes: accepts a pending handle into a new wrap of the right kind
  /// (TcpWrap for UV_TCP, PipeWrap for UV_NAMED_PIPE), or nullptr.
  StreamWrap* acceptPendingStream();

 protected:
  ConnectionWrap* makeClient() override { return create(env(), false); }

 private:
  PipeWrap(Environment& env, bool ipc);
  uv_pipe_t pipe_;
  bool ipc_;
};

}  // namespace nodecc::bindings
