#include "bindings/ipc_channel.h"

#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "bindings/tcp_wrap.h"
#include "nodecc/process.h"

namespace nodecc::bindings {

namespace {

constexpr std::size_t kWriteQueueLimit = 65536 * 2;  // "> 2 read() calls behind"
constexpr std::size_t kBatchLimit = 64 * 1024;       // write at once beyond this
constexpr int kMaxHandleRetransmissions = 3;

bool isListeningFd(uv_handle_t* h) {
  uv_os_fd_t fd;
  if (uv_fileno(h, &fd) != 0) return false;
  int v = 0;
  socklen_t len = sizeof v;
  return ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len) == 0 && v != 0;
}

bool isCmd(const Value& message, std::string_view cmd) {
  if (!message.isObject()) return false;
  const Value* c = message.asObject().find("cmd");
  return c && c->isString() && c->asString() == cmd;
}

// Owns a received handle until someone takes it (a tick that never ran at teardown).
struct HandleHolder {
  ReceivedHandle h;
  ~HandleHolder() { h.discard(); }
  ReceivedHandle take() { return std::exchange(h, ReceivedHandle{}); }
};

Value parseJson(std::string_view line) {
  try {
    return Value::parse(line);
  } catch (const Error&) {
    // Node decodes the bytes as UTF-8 first (invalid sequences become U+FFFD); Value::parse
    // rejects invalid UTF-8 inside strings, so retry with the decoded text.
    std::string decoded = encoding::sanitizeUtf8(line);
    if (decoded == line) throw;
    return Value::parse(decoded);
  }
}

}  // namespace

bool isInternalMessage(const Value& message) noexcept {
  if (!message.isObject()) return false;
  const Value* c = message.asObject().find("cmd");
  if (!c || !c->isString()) return false;
  const std::string& s = c->asString();
  return s.size() > 5 && s.compare(0, 5, "NODE_") == 0;
}

void ReceivedHandle::discard() noexcept {
  if (stream) stream->close();
  if (fd >= 0) ::close(fd);
  stream = nullptr;
  fd = -1;
  type = UV_UNKNOWN_HANDLE;
}

// ---- lifetime -----------------------------------------------------------------------------

IpcChannel::IpcChannel(PipeWrap* pipe, Delegate* delegate)
    : env_(&pipe->env()), pipe_(pipe), delegate_(delegate) {}

IpcChannel::~IpcChannel() { pendingHandle_.discard(); }

std::shared_ptr<IpcChannel> IpcChannel::create(PipeWrap* pipe, Delegate* delegate) {
  std::shared_ptr<IpcChannel> ch(new IpcChannel(pipe, delegate));
  ch->self_ = ch;
  IpcChannel* raw = ch.get();
  pipe->setReadCallback([raw](ssize_t nread, Buffer data) {
    raw->env().makeCallback([&] { raw->onRead(nread, data); });
  });
  pipe->setCloseCallback([raw] {
    raw->pipe_ = nullptr;
    if (raw->cleanupToken_) raw->env_->removeCleanupHook(raw->cleanupToken_);
    raw->cleanupToken_ = 0;
    auto last = std::move(raw->self_);  // may delete the channel when this scope ends
    if (raw->delegate_) raw->delegate_->channelReleased();
  });
  ch->cleanupToken_ = ch->env_->addCleanupHook(Task([raw] {
    raw->cleanupToken_ = 0;
    raw->flushSync();
  }));
  pipe->readStart();
  return ch;
}

int IpcChannel::fd() const noexcept {
  if (!pipe_) return -1;
  uv_os_fd_t fd;
  return uv_fileno(pipe_->handle(), &fd) == 0 ? fd : -1;
}

bool IpcChannel::pipeOpen() const noexcept { return pipe_ && !pipe_->isClosing(); }

std::size_t IpcChannel::writeQueueSize() const noexcept {
  return pipe_ ? pipe_->writeQueueSize() : 0;
}

// ---- Control -------------------------------------------------------------------------------

void IpcChannel::refCounted() {
  if (++refs_ == 1 && !refExplicitlySet_ && pipe_) pipe_->ref();
}

void IpcChannel::unrefCounted() {
  if (--refs_ == 0 && !refExplicitlySet_ && pipe_) pipe_->unref();
}

void IpcChannel::ref() {
  refExplicitlySet_ = true;
  if (pipe_) pipe_->ref();
}

void IpcChannel::unref() {
  refExplicitlySet_ = true;
  if (pipe_) pipe_->unref();
}

// ---- sending ---------------------------------------------------------------------------------

bool IpcChannel::send(Value message, std::optional<OutgoingHandle> handle, SendOptions options,
                      Callback cb) {
  if (connected_)
    return sendInternal(std::move(message), std::move(handle), options, std::move(cb));
  Error ex = errors::error("ERR_IPC_CHANNEL_CLOSED", "Channel closed");
  auto self = shared_from_this();
  auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
  if (cb) {
    auto shared = std::make_shared<Callback>(std::move(cb));
    env().nextTick(Task([shared, ex] { (*shared)(ex); }));
  } else {
    env().nextTick(Task([self, keep, ex] {
      if (self->delegate_) self->delegate_->target().emit("error", ex);
    }));
  }
  return false;
}

// Node's target._send.
bool IpcChannel::sendInternal(Value message, std::optional<OutgoingHandle> handle,
                              SendOptions options, Callback cb) {
  if (message.isUndefined()) {
    throw errors::typeError("ERR_MISSING_ARGS", "The \"message\" argument must be specified");
  }
  if (message.isHost()) {
    throw errors::invalidArgType("message", "one of type string, object, number, or boolean",
                                 "an instance of " + message.asHost().type);
  }
  if (handle) {
    if (handleQueue_) {
      handleQueue_->push_back(
          Queued{std::move(message), std::move(handle), options, std::move(cb)});
      return handleQueue_->size() == 1;
    }
    Value envelope = Object{{"cmd", "NODE_HANDLE"}, {"type", handle->type}, {"msg", message}};
    HandleWrap* raw =
        handle->prepare ? handle->prepare(envelope.asObject(), options.keepOpen) : nullptr;
    if (raw) {
      bool closeAfterAck = handle->closeAfterAck && !options.keepOpen;
      if (!closeAfterAck) options.keepOpen = true;
      return writeHandleMessage(std::move(envelope), raw, options, std::move(cb), 0);
    }
    // Nothing to pass (a socket without a handle): the message goes alone.
  } else if (handleQueue_ && !isCmd(message, "NODE_HANDLE_ACK") &&
             !isCmd(message, "NODE_HANDLE_NACK")) {
    // Queued anyway, to keep the order of messages.
    handleQueue_->push_back(Queued{std::move(message), std::nullopt, options, std::move(cb)});
    return handleQueue_->size() == 1;
  }
  if (!pipeOpen()) {
    reportWriteError(UV_EBADF, options, std::move(cb));
    return false;
  }
  batch_ += message.stringify();
  batch_.push_back('\n');
  // A callback is due on the tick queued when send() returns (Node writes at once and
  // nextTicks the callback then): flush now rather than from a tick of our own.
  const bool flushNow = static_cast<bool>(cb) || batch_.size() >= kBatchLimit;
  batchCallbacks_.emplace_back(options, std::move(cb));
  if (flushNow)
    flush();
  else
    scheduleFlush();
  return writeQueueSize() < kWriteQueueLimit;
}

void IpcChannel::scheduleFlush() {
  if (flushScheduled_) return;
  flushScheduled_ = true;
  auto self = shared_from_this();
  env().nextTick(Task([self] {
    if (self->flushScheduled_) self->flush();
  }));
}

void IpcChannel::reportWriteError(int err, SendOptions options, Callback cb) {
  if (options.swallowErrors) return;
  Error ex = errors::errnoException(err, "write");
  auto self = shared_from_this();
  auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
  auto shared = std::make_shared<Callback>(std::move(cb));
  env().nextTick(Task([self, keep, shared, ex] {
    if (*shared)
      (*shared)(ex);
    else if (self->delegate_)
      self->delegate_->target().emit("error", ex);
  }));
}

// Writes the coalesced messages: at once when the socket takes them, else queued in libuv
// (the channel is ref'd until the write completes, as Node's Control does).
void IpcChannel::flush() {
  flushScheduled_ = false;
  if (batch_.empty()) return;
  std::string data = std::move(batch_);
  batch_.clear();
  auto cbs = std::move(batchCallbacks_);
  batchCallbacks_.clear();
  auto callAll = [this](decltype(cbs) list) {
    bool any = false;
    for (auto& [o, c] : list) any |= static_cast<bool>(c);
    if (!any) return;
    auto shared = std::make_shared<decltype(cbs)>(std::move(list));
    env().nextTick(Task([shared] {
      for (auto& [o, c] : *shared)
        if (c) c(std::nullopt);
    }));
  };
  if (!pipeOpen()) {
    for (auto& [o, c] : cbs) reportWriteError(UV_EBADF, o, std::move(c));
    return;
  }
  uv_buf_t buf = uv_buf_init(data.data(), static_cast<unsigned>(data.size()));
  int r = uv_try_write(pipe_->stream(), &buf, 1);
  if (r == static_cast<int>(data.size())) {
    callAll(std::move(cbs));
    return;
  }
  if (r < 0 && r != UV_EAGAIN && r != UV_ENOSYS) {
    for (auto& [o, c] : cbs) reportWriteError(r, o, std::move(c));
    return;
  }
  std::size_t done = r > 0 ? static_cast<std::size_t>(r) : 0;
  Buffer rest = Buffer::copyOf(data.data() + done, data.size() - done);
  auto self = shared_from_this();
  auto shared = std::make_shared<decltype(cbs)>(std::move(cbs));
  bool async = false;
  int err = pipe_->write(
      std::span<const Buffer>(&rest, 1),
      [self, shared](int) {
        // Node's req.oncomplete ignores the status.
        self->env().makeCallback([&] {
          self->unrefCounted();
          for (auto& [o, c] : *shared)
            if (c) c(std::nullopt);
        });
      },
      &async);
  if (err != 0) {
    for (auto& [o, c] : *shared) reportWriteError(err, o, std::move(c));
    return;
  }
  if (async)
    refCounted();
  else
    callAll(std::move(*shared));
}

// Teardown: whatever the socket takes now; no callback can run any more.
void IpcChannel::flushSync() {
  flushScheduled_ = false;
  if (batch_.empty() || !pipeOpen()) return;
  uv_buf_t buf = uv_buf_init(batch_.data(), static_cast<unsigned>(batch_.size()));
  uv_try_write(pipe_->stream(), &buf, 1);
  batch_.clear();
  batchCallbacks_.clear();
}

bool IpcChannel::writeHandleMessage(Value message, HandleWrap* handle, SendOptions options,
                                    Callback cb, int retransmissions) {
  flush();  // earlier messages go first
  if (!pipeOpen()) {
    if (!options.keepOpen) handle->close();
    reportWriteError(UV_EBADF, options, std::move(cb));
    return false;
  }
  std::string line = message.stringify();
  line.push_back('\n');
  Buffer data = Buffer::copyOf(line.data(), line.size());
  bool async = false;
  auto self = shared_from_this();
  auto shared = std::make_shared<Callback>(std::move(cb));
  int err = pipe_->write(
      std::span<const Buffer>(&data, 1),
      [self, shared](int) {
        self->env().makeCallback([&] {
          self->unrefCounted();
          if (*shared) (*shared)(std::nullopt);
        });
      },
      &async, reinterpret_cast<uv_stream_t*>(handle->handle()));
  if (err == 0) {
    if (!handleQueue_) handleQueue_.emplace();
    if (!options.keepOpen) {
      pendingMessage_ =
          PendingHandle{std::move(message), handle, Callback(), options, retransmissions};
    }
    if (async) {
      refCounted();
    } else if (*shared) {
      env().nextTick(Task([shared] { (*shared)(std::nullopt); }));
    }
  } else {
    if (!options.keepOpen) {
      if (pendingMessage_ && pendingMessage_->handle == handle) pendingMessage_.reset();
      handle->close();
    }
    reportWriteError(err, options, std::move(*shared));
  }
  return writeQueueSize() < kWriteQueueLimit;
}

void IpcChannel::closePendingHandle() {
  if (!pendingMessage_) return;
  HandleWrap* h = pendingMessage_->handle;
  pendingMessage_.reset();
  if (h) h->close();
}

// The 'internalMessage' listener for NODE_HANDLE_ACK / NACK.
void IpcChannel::onAck(bool ack) {
  bool retransmit = false;
  if (pendingMessage_) {
    if (ack) {
      closePendingHandle();
    } else if (pendingMessage_->retransmissions++ == kMaxHandleRetransmissions) {
      closePendingHandle();
      process::emitWarning("Handle did not reach the receiving process correctly",
                           "SentHandleNotReceivedWarning");
    } else {
      retransmit = true;
    }
  }
  std::vector<Queued> queue;
  if (handleQueue_) queue = std::move(*handleQueue_);
  handleQueue_.reset();
  if (retransmit) {
    PendingHandle p = std::move(*pendingMessage_);
    pendingMessage_.reset();
    writeHandleMessage(std::move(p.message), p.handle, p.options, Callback(), p.retransmissions);
  }
  for (Queued& q : queue)
    sendInternal(std::move(q.message), std::move(q.handle), q.options, std::move(q.cb));
  if (!connected_ && open_ && !handleQueue_) realDisconnect();
}

// ---- receiving ---------------------------------------------------------------------------------

void IpcChannel::onRead(ssize_t nread, const Buffer& data) {
  if (nread > 0) {
    uv_handle_type t = pipe_->pendingType();
    if (t != UV_UNKNOWN_HANDLE) {
      ReceivedHandle got;
      if (t == UV_TCP || t == UV_NAMED_PIPE) {
        if (StreamWrap* w = pipe_->acceptPendingStream()) {
          got.type = t;
          got.stream = w;
          got.listening = isListeningFd(w->handle());
        }
      } else if (t == UV_UDP) {
        auto* udp = new uv_udp_t;
        uv_udp_init(env().loop(), udp);
        if (uv_accept(pipe_->stream(), reinterpret_cast<uv_stream_t*>(udp)) == 0) {
          uv_os_fd_t fd;
          if (uv_fileno(reinterpret_cast<uv_handle_t*>(udp), &fd) == 0) {
            got.type = t;
            got.fd = ::dup(fd);
          }
        }
        uv_close(reinterpret_cast<uv_handle_t*>(udp),
                 [](uv_handle_t* h) { delete reinterpret_cast<uv_udp_t*>(h); });
      }
      if (got) {
        pendingHandle_.discard();
        pendingHandle_ = got;
      }
    }
    parse(data);
    if (finishOnNextMessage_ && !buffering_) finishDisconnect();
    return;
  }
  if (nread == 0) return;
  // EOF or a read error.
  buffering_ = false;
  disconnect();
  if (pipe_) pipe_->readStop();
  closePipe();
  open_ = false;
  if (finishOnNextMessage_) finishDisconnect();
  if (delegate_) delegate_->channelClosed();
}

// Node's json parseChannelMessages, consumed as channel.onread consumes it: each complete
// line is parsed and dispatched before the next; a line that is not JSON throws out of
// the read (an uncaught SyntaxError, as in Node) and the rest of the chunk is dropped.
void IpcChannel::parse(const Buffer& data) {
  std::string_view s = data.view();
  std::size_t nl = s.find('\n');
  if (nl == std::string_view::npos) {
    jsonBuffer_.append(s);
    buffering_ = !jsonBuffer_.empty();
    return;
  }
  auto dispatch = [this](std::string_view line) {
    Value message = parseJson(line);
    if (isInternalMessage(message)) {
      if (isCmd(message, "NODE_HANDLE")) {
        auto holder = std::make_shared<HandleHolder>();
        holder->h = std::exchange(pendingHandle_, ReceivedHandle{});
        if (!open_) return;
        auto self = shared_from_this();
        auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
        env().nextTick(Task([self, keep, holder, m = std::move(message)] {
          self->handleInternal(m, holder->take());
          self->emit("internalMessage", m, HandleObject{});
        }));
        return;
      }
      handleMessage(std::move(message), HandleObject{}, true);
    } else {
      handleMessage(std::move(message), HandleObject{}, false);
    }
  };
  if (jsonBuffer_.empty()) {
    dispatch(s.substr(0, nl));
  } else {
    std::string first = jsonBuffer_;
    first.append(s.substr(0, nl));
    dispatch(first);
  }
  std::size_t pos = nl + 1;
  while ((nl = s.find('\n', pos)) != std::string_view::npos) {
    dispatch(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  jsonBuffer_.assign(s.substr(pos));
  buffering_ = !jsonBuffer_.empty();
}

// Node's handleMessage: dropped once the channel is gone, else emitted on the next tick.
void IpcChannel::handleMessage(Value message, HandleObject handle, bool internal) {
  if (!open_) return;
  auto self = shared_from_this();
  auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
  if (internal) {
    env().nextTick(Task([self, keep, m = std::move(message), h = std::move(handle)] {
      self->handleInternal(m, ReceivedHandle{});
      self->emit("internalMessage", m, h);
    }));
  } else {
    env().nextTick(Task([self, keep, m = std::move(message), h = std::move(handle)] {
      self->emit("message", m, h);
    }));
  }
}

// Node's internal 'internalMessage' listener.
void IpcChannel::handleInternal(const Value& message, ReceivedHandle handle) {
  if (isCmd(message, "NODE_HANDLE_ACK") || isCmd(message, "NODE_HANDLE_NACK")) {
    onAck(isCmd(message, "NODE_HANDLE_ACK"));
    return;
  }
  if (!isCmd(message, "NODE_HANDLE")) return;
  if (!handle) {
    sendInternal(Object{{"cmd", "NODE_HANDLE_NACK"}}, std::nullopt, {false, true}, Callback());
    return;
  }
  // Acknowledge; an error here (the other side left) is not the user's.
  sendInternal(Object{{"cmd", "NODE_HANDLE_ACK"}}, std::nullopt, {false, true}, Callback());
  if (!delegate_) {
    handle.discard();
    return;
  }
  auto self = shared_from_this();
  Value inner = message["msg"];
  delegate_->convertReceived(message, handle, [self, inner](HandleObject obj) {
    self->handleMessage(inner, std::move(obj), isInternalMessage(inner));
  });
}

// Node's emit(): internal messages and messages with a listener are emitted, the others
// held until a 'message' listener is added.
void IpcChannel::emit(std::string_view event, const Value& message, const HandleObject& handle) {
  if (!delegate_) return;
  if (event == "internalMessage" || delegate_->target().listenerCount("message") > 0) {
    delegate_->emitMessage(event, message, handle);
    return;
  }
  pendingMessages_.emplace_back(std::string(event), message, handle);
}

void IpcChannel::onNewListener() {
  auto self = shared_from_this();
  auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
  env().nextTick(Task([self, keep] {
    if (!self->open_ || !self->delegate_ || self->delegate_->target().listenerCount("message") == 0)
      return;
    auto messages = std::move(self->pendingMessages_);
    self->pendingMessages_.clear();
    for (auto& [event, m, h] : messages) {
      if (!self->delegate_) return;
      self->delegate_->emitMessage(event, m, h);
    }
  }));
}

// ---- disconnecting ------------------------------------------------------------------------------

void IpcChannel::disconnect() {
  if (!connected_) {
    if (delegate_) {
      delegate_->target().emit(
          "error", errors::error("ERR_IPC_DISCONNECTED", "IPC channel is already disconnected"));
    }
    return;
  }
  connected_ = false;
  if (!handleQueue_) realDisconnect();
}

// Node's target._disconnect.
void IpcChannel::realDisconnect() {
  open_ = false;
  closePendingHandle();
  if (buffering_) {
    finishOnNextMessage_ = true;
    return;
  }
  auto self = shared_from_this();
  auto keep = delegate_ ? delegate_->keepTarget() : nullptr;
  env().nextTick(Task([self, keep] { self->finishDisconnect(); }));
}

void IpcChannel::finishDisconnect() {
  if (finished_) return;
  finished_ = true;
  finishOnNextMessage_ = false;
  closePipe();
  if (delegate_) delegate_->target().emit("disconnect");
}

void IpcChannel::closePipe() {
  if (!pipeOpen()) return;
  flush();
  pendingHandle_.discard();
  pipe_->close();
}

}  // namespace nodecc::bindings
