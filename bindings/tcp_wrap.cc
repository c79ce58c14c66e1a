#include "bindings/tcp_wrap.h"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace nodecc::bindings {

// ---- ConnectionWrap ---------------------------------------------------------------------

int ConnectionWrap::listen(int backlog, ConnectionCallback cb) {
  if (isClosing()) return UV_EBADF;
  onConnection_ = std::make_unique<ConnectionCallback>(std::move(cb));
  return uv_listen(stream(), backlog, &ConnectionWrap::onConnection);
}

void ConnectionWrap::onConnection(uv_stream_t* server, int status) {
  auto* self = static_cast<ConnectionWrap*>(server->data);
  if (!self->onConnection_ || !*self->onConnection_) return;
  ConnectionCallback& cb = *self->onConnection_;  // the box lives as long as the wrapper
  if (status != 0) {
    cb(status, nullptr);
    return;
  }
  ConnectionWrap* client = self->makeClient();
  int r = uv_accept(server, client->stream());
  if (r != 0) {
    client->close();
    cb(r, nullptr);
    return;
  }
  cb(0, client);
}

void ConnectionWrap::onClosing() {
  if (onConnection_) *onConnection_ = ConnectionCallback();
  StreamWrap::onClosing();
}

// ---- TcpWrap -------------------------------------------------------------------------------

namespace {
struct ConnectReq {
  uv_connect_t req;
  StreamWrap::StatusCallback cb;
};
void onConnect(uv_connect_t* c, int status) {
  auto* r = static_cast<ConnectReq*>(c->data);
  StreamWrap::StatusCallback cb = std::move(r->cb);
  delete r;
  if (cb) cb(status);
}
}  // namespace

TcpWrap::TcpWrap(Environment& env)
    : ConnectionWrap(env, (uv_tcp_init(env.loop(), &tcp_), reinterpret_cast<uv_handle_t*>(&tcp_))) {
}

TcpWrap* TcpWrap::create(Environment& env) { return new TcpWrap(env); }

int TcpWrap::open(int fd) { return uv_tcp_open(&tcp_, fd); }

int TcpWrap::bind(std::string_view ip, int port, unsigned flags) {
  sockaddr_storage ss;
  int r = makeSockaddr(ip, port, &ss);
  if (r != 0) return r;
  return uv_tcp_bind(&tcp_, reinterpret_cast<sockaddr*>(&ss), flags);
}

int TcpWrap::connect(std::string_view ip, int port, StatusCallback cb) {
  sockaddr_storage ss;
  int r = makeSockaddr(ip, port, &ss);
  if (r != 0) return r;
  auto* req = new ConnectReq;
  req->cb = std::move(cb);
  req->req.data = req;
  r = uv_tcp_connect(&req->req, &tcp_, reinterpret_cast<sockaddr*>(&ss), onConnect);
  if (r != 0) delete req;
  return r;
}

int TcpWrap::getsockname(SocketAddress* out) const {
  sockaddr_storage ss;
  int len = sizeof ss;
  int r = uv_tcp_getsockname(&tcp_, reinterpret_cast<sockaddr*>(&ss), &len);
  if (r == 0) *out = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  return r;
}

int TcpWrap::getpeername(SocketAddress* out) const {
  sockaddr_storage ss;
  int len = sizeof ss;
  int r = uv_tcp_getpeername(&tcp_, reinterpret_cast<sockaddr*>(&ss), &len);
  if (r == 0) *out = socketAddress(reinterpret_cast<sockaddr*>(&ss));
  return r;
}

int TcpWrap::setNoDelay(bool enable) {
  return isClosing() ? 0 : uv_tcp_nodelay(&tcp_, enable ? 1 : 0);
}

int TcpWrap::setKeepAlive(bool enable, unsigned delay) {
  return isClosing() ? 0 : uv_tcp_keepalive(&tcp_, enable ? 1 : 0, delay);
}

int TcpWrap::reset(Task onClosed) {
  if (isClosing()) return 0;
  // What uv_tcp_close_reset does (SO_LINGER 0, then close), but through HandleWrap's
  // close path so that the wrapper's state and the owner's callback stay right.
  uv_os_fd_t fd;
  if (uv_fileno(reinterpret_cast<uv_handle_t*>(&tcp_), &fd) == 0) {
    struct linger l = {1, 0};
    if (::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l) != 0) return -errno;
  }
  close(std::move(onClosed));
  return 0;
}

// ---- PipeWrap -------------------------------------------------------------------------------

PipeWrap::PipeWrap(Environment& env, bool ipc)
    : ConnectionWrap(env, (uv_pipe_init(env.loop(), &pipe_, ipc ? 1 : 0),
                           reinterpret_cast<uv_handle_t*>(&pipe_))),
      ipc_(ipc) {}

PipeWrap* PipeWrap::create(Environment& env, bool ipc) { return new PipeWrap(env, ipc); }

int PipeWrap::open(int fd) { return uv_pipe_open(&pipe_, fd); }

int PipeWrap::bind(std::string_view path) {
  return uv_pipe_bind(&pipe_, std::string(path).c_str());
}

int PipeWrap::connect(std::string_view path, StatusCallback cb) {
  auto* req = new ConnectReq;
  req->cb = std::move(cb);
  req->req.data = req;
  uv_pipe_connect(&req->req, &pipe_, std::string(path).c_str(), onConnect);
  return 0;
}

int PipeWrap::fchmod(int mode) { return uv_pipe_chmod(&pipe_, mode); }

std::string PipeWrap::getsockname() const {
  char buf[1024];
  std::size_t n = sizeof buf;
  if (uv_pipe_getsockname(&pipe_, buf, &n) != 0) return {};
  return std::string(buf, n);
}

std::string PipeWrap::getpeername() const {
  char buf[1024];
  std::size_t n = sizeof buf;
  if (uv_pipe_getpeername(&pipe_, buf, &n) != 0) return {};
  return std::string(buf, n);
}

StreamWrap* PipeWrap::acceptPendingStream() {
  if (!uv_pipe_pending_count(&pipe_)) return nullptr;
  uv_handle_type t = uv_pipe_pending_type(&pipe_);
  StreamWrap* w = nullptr;
  if (t == UV_TCP)
    w = TcpWrap::create(env());
  else if (t == UV_NAMED_PIPE)
    w = PipeWrap::create(env(), false);
  else
    return nullptr;
  if (uv_accept(stream(), w->stream()) != 0) {
    w->close();
    return nullptr;
  }
  return w;
}

}  // namespace nodecc::bindings
