// bindings/ipc_channel.h — Node's child-process IPC channel over a libuv IPC pipe:
// lib/internal/child_process.js `setupChannel` and the 'json' serialization of
// lib/internal/child_process/serialization.js.
//
// Wire format (Node's, so nodecc and Node processes talk to each other): each
// message is `JSON.stringify(message) + "\n"`; the reader splits on "\n" and keeps
// the unterminated tail. A handle travels as `{cmd: "NODE_HANDLE", type, msg}`
// written with uv_write2 (SCM_RIGHTS); the receiver accepts it from the same read,
// answers `{cmd: "NODE_HANDLE_ACK"}` (or NACK when no descriptor came) and the
// sender queues every later message until that answer. Messages whose `cmd` is a
// string starting with "NODE_" (longer than 5) are internal: emitted as
// 'internalMessage', never as 'message'. Each message is emitted from its own
// nextTick, and held back while the target has no 'message' listener. send()
// returns `writeQueueSize < 131072`. EOF on the pipe disconnects.
//
// What differs inside (not on the wire): messages written in the same tick are
// coalesced into one write, done from a nextTick queued by the first of them (or
// at once when 64 KiB are waiting, before a handle is written, before the channel
// closes and at Environment teardown, so `send(); process.exit()` still delivers).
// Node writes each message at once; the bytes and their order are the same.
// A retransmission after NACK resends the same NODE_HANDLE message with the same
// descriptor (Node wraps it again as net.Native, which its own receiver unwraps).
// A disconnect() while a message is half-read closes the channel once that message
// is complete or the pipe ends (Node waits for a 'message' it then never emits).
#pragma once

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "bindings/handle_wrap.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/function.h"
#include "nodecc/value.h"

namespace nodecc::bindings {

class PipeWrap;
class StreamWrap;

/// A descriptor that came with an IPC read (Node's channel.pendingHandle), accepted.
struct ReceivedHandle {
  uv_handle_type type = UV_UNKNOWN_HANDLE;
  StreamWrap* stream = nullptr;  ///< UV_TCP / UV_NAMED_PIPE: a new wrap, not yet owned
  int fd = -1;                   ///< UV_UDP: a descriptor, not yet owned
  bool listening = false;        ///< a listening socket (SO_ACCEPTCONN)
  explicit operator bool() const noexcept { return type != UV_UNKNOWN_HANDLE; }
  /// Closes what it holds (a handle nobody took).
  void discard() noexcept;
};

/// An object built from a received handle (net.Socket, net.Server, dgram.Socket) or
/// empty; the module knows the types.
using HandleObject = HostObject;

class IpcChannel : public std::enable_shared_from_this<IpcChannel> {
 public:
  /// A send callback: `cb(err)`, err empty on success.
  using Callback = UniqueFunction<void(std::optional<Error>)>;

  /// Node's handleConversion[type] for one outgoing handle, made by the module.
  struct OutgoingHandle {
    std::string type;  ///< "net.Socket", "net.Server", "net.Native", "dgram.Socket"
    /// Node's `send`: returns the wrap whose descriptor travels, or nullptr to send the
    /// message alone; may add fields to the NODE_HANDLE message (dgramType, key). Runs
    /// when the message is written, after any earlier handle was acknowledged.
    UniqueFunction<HandleWrap*(Object& message, bool keepOpen)> prepare;
    /// Node's postSend: after the write the wrap belongs to the channel, which closes it
    /// once the receiver acknowledged it (net.Socket sent without keepOpen).
    bool closeAfterAck = false;
  };

  struct SendOptions {
    bool keepOpen = false;
    bool swallowErrors = false;
  };

  /// The target: a ChildProcess or the child's `process`.
  class Delegate {
   public:
    /// The object 'disconnect' and 'error' are emitted on.
    virtual EventEmitter& target() = 0;
    /// A strong reference that keeps the target alive while a tick is queued (may be null).
    virtual std::shared_ptr<void> keepTarget() = 0;
    /// Emits 'message' or 'internalMessage' (message, handle) on the target.
    virtual void emitMessage(std::string_view event, const Value& message,
                             const HandleObject& handle) = 0;
    /// Node's handleConversion[type].got: builds the object for a received handle and
    /// calls `done` with it (possibly later, e.g. after a server's 'listening').
    virtual void convertReceived(const Value& message, ReceivedHandle handle,
                                 UniqueFunction<void(HandleObject)> done) = 0;
    /// Node's maybeClose(target) when the channel ended.
    virtual void channelClosed() = 0;
    /// The pipe is closed and freed (after 'disconnect'); nothing more will be emitted.
    virtual void channelReleased() = 0;

   protected:
    ~Delegate() = default;
  };

  /// Starts the channel on an open IPC pipe (Node's setupChannel), reading at once.
  /// The channel keeps itself alive until the pipe is closed.
  static std::shared_ptr<IpcChannel> create(PipeWrap* pipe, Delegate* delegate);
  ~IpcChannel();
  IpcChannel(const IpcChannel&) = delete;
  IpcChannel& operator=(const IpcChannel&) = delete;

  /// Node's target.send(): ERR_IPC_CHANNEL_CLOSED (to the callback or as 'error') when
  /// disconnected. Throws ERR_MISSING_ARGS for an undefined message.
  bool send(Value message, std::optional<OutgoingHandle> handle, SendOptions options, Callback cb);
  /// `target.connected`.
  bool connected() const noexcept { return connected_; }
  /// `target.channel != null`: not yet closed (disconnect may be pending).
  bool open() const noexcept { return open_; }
  /// The pipe has been closed and freed.
  bool closed() const noexcept { return pipe_ == nullptr; }
  /// `target.disconnect()`: 'error' ERR_IPC_DISCONNECTED when already disconnected.
  void disconnect();
  /// The target's 'newListener': delivers held messages once a 'message' listener exists.
  void onNewListener();
  /// Detaches the target (it is going away): nothing is emitted after this.
  void detach() noexcept { delegate_ = nullptr; }

  // Node's Control (`child.channel` / `process.channel`).
  void refCounted();
  void unrefCounted();
  void ref();
  void unref();
  /// The pipe's descriptor, or -1.
  int fd() const noexcept;

 private:
  struct Queued {
    Value message;
    std::optional<OutgoingHandle> handle;
    SendOptions options;
    Callback cb;
  };
  struct PendingHandle {
    Value message;  // the NODE_HANDLE message as written
    HandleWrap* handle = nullptr;
    Callback cb;
    SendOptions options;
    int retransmissions = 0;
  };

  IpcChannel(PipeWrap* pipe, Delegate* delegate);
  bool sendInternal(Value message, std::optional<OutgoingHandle> handle, SendOptions options,
                    Callback cb);
  bool writeHandleMessage(Value message, HandleWrap* handle, SendOptions options, Callback cb,
                          int retransmissions);
  bool pipeOpen() const noexcept;
  void onRead(ssize_t nread, const Buffer& data);
  void parse(const Buffer& data);
  void handleMessage(Value message, HandleObject handle, bool internal);
  void handleInternal(const Value& message, ReceivedHandle handle);
  void emit(std::string_view event, const Value& message, const HandleObject& handle);
  void onAck(bool ack);
  void realDisconnect();
  void finishDisconnect();
  void closePendingHandle();
  void closePipe();
  void scheduleFlush();
  void flush();
  void flushSync();
  void reportWriteError(int err, SendOptions options, Callback cb);
  std::size_t writeQueueSize() const noexcept;
  Environment& env() const noexcept { return *env_; }

  Environment* env_;
  PipeWrap* pipe_;
  Delegate* delegate_;
  std::shared_ptr<IpcChannel> self_;  // held while the pipe is open
  std::uint64_t cleanupToken_ = 0;
  bool connected_ = true;
  bool open_ = true;
  bool buffering_ = false;
  bool finishOnNextMessage_ = false;
  bool finished_ = false;
  int refs_ = 0;
  bool refExplicitlySet_ = false;
  std::string jsonBuffer_;
  ReceivedHandle pendingHandle_;
  std::optional<std::vector<Queued>> handleQueue_;
  std::optional<PendingHandle> pendingMessage_;
  std::vector<std::tuple<std::string, Value, HandleObject>> pendingMessages_;
  // Coalesced writes of this tick.
  std::string batch_;
  std::vector<std::pair<SendOptions, Callback>> batchCallbacks_;
  bool flushScheduled_ = false;
};

/// Node's isInternal(message): an object whose `cmd` is a string "NODE_…" (> 5 chars).
bool isInternalMessage(const Value& message) noexcept;

}  // namespace nodecc::bindings
