// bindings/message_port.h — cross-thread message queues (Node's node_messaging.cc).
//
// A MessagePortData is one end of a channel: a mutex-protected FIFO of messages
// that any thread may append to, and at most one owner, a MessagePortWrap on the
// receiving thread's loop, which is woken (PortWaker) when a message arrives.
// Ends are entangled in a SiblingGroup: two for a MessageChannel, any number for a
// named BroadcastChannel. A port in transit (inside a message) is a
// MessagePortData without an owner; messages sent to it wait in its queue until
// the receiving thread adopts it with a new MessagePortWrap.
//
// Closing follows Node: when a port's handle is closed (its close callback), its
// data leaves the group and every remaining member of an anonymous group gets a
// "close" message queued after the messages sent before it, so the peer emits
// 'close' once it has received them.
//
// Not in Node: adaptive spinning. A loop whose ports received messages in the last
// millisecond spins for up to 50 µs (in a uv_prepare_t, just before it would block in
// epoll) watching its ports' message counters; while it spins, senders write nothing
// but the message (the counter shares the queue lock's cache line) instead of writing
// to the loop's eventfd, so a busy request/reply exchange between two threads
// involves no system call, no sleeping thread, and few cache lines moving between them. After a
// quiet spell the loop blocks as usual. Only with more than one CPU. Ports are served in the order
// they were made (the order libuv runs their async handles), and the spin gives way as soon as the
// loop has work that would not wait for the poll (an immediate a listener set).
#pragma once

#include <atomic>
#include <cstdint>
#include <uv.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "bindings/handle_wrap.h"
#include "nodecc/function.h"
#include "nodecc/value.h"

namespace nodecc::bindings {

class MessagePortData;
class MessagePortWrap;
class PortLoop;

/// A loop's wake-up line, shared with the threads that post to its ports: an eventfd the
/// loop polls. A sender sets the port's flag and writes to the eventfd only if no wake is
/// pending, outside the port's lock. (libuv 1.44's uv_async_send makes the woken loop spin,
/// then sched_yield, until the sender returns from its write: on a busy or single CPU the
/// receiver burned the sender's time slice, 11,000 round trips/s instead of Node's 33,000.)
struct PortWaker {
  int fd = -1;
  std::atomic<bool> pending{false};
  PortWaker() = default;
  PortWaker(const PortWaker&) = delete;
  PortWaker& operator=(const PortWaker&) = delete;
  ~PortWaker();
  /// Any thread: makes the loop's poll return.
  void wake() noexcept;
};

/// Host-object type of a port travelling inside a message: `HostObject::ptr` is the
/// port's `std::shared_ptr<MessagePortData>`.
inline constexpr std::string_view kPortInTransit = "nodecc:MessagePortData";

/// One queued message: a Value already cloned for the receiver (it shares no
/// memory with the sender but SharedArrayBuffers), the ports it carries, or the
/// final "close" message of an entangled port.
struct PortMessage {
  Value value;
  std::vector<std::shared_ptr<MessagePortData>> ports;
  bool close = false;
};

/// The entangled ends of a channel.
class SiblingGroup : public std::enable_shared_from_this<SiblingGroup> {
 public:
  /// Makes a clone of a message Value for one more receiver (BroadcastChannel).
  using Cloner = Value (*)(const Value&);

  explicit SiblingGroup(std::string name = {}) : name_(std::move(name)) {}
  ~SiblingGroup();
  /// The process-wide group of the BroadcastChannels named `name` (made on first use,
  /// forgotten when its last member leaves).
  static std::shared_ptr<SiblingGroup> named(const std::string& name);

  /// Queues `msg` for every member but `source`. Returns false when there is no other
  /// member (the message is dropped). `warning` is set when the message carried its
  /// own receiving port (Node's "posted to itself" warning; the message is dropped).
  bool dispatch(MessagePortData* source, PortMessage msg, Cloner clone, std::string* warning);
  void entangle(MessagePortData* data);
  void disentangle(MessagePortData* data);

 private:
  std::string name_;
  std::mutex mutex_;
  std::vector<MessagePortData*> members_;
};

/// The thread-independent state of one port.
class MessagePortData {
 public:
  MessagePortData() = default;
  MessagePortData(const MessagePortData&) = delete;
  MessagePortData& operator=(const MessagePortData&) = delete;
  /// Leaves the group (the peer gets its close message).
  ~MessagePortData();

  /// Entangles two fresh ports (a MessageChannel).
  static void entangle(const std::shared_ptr<MessagePortData>& a,
                       const std::shared_ptr<MessagePortData>& b);
  /// Joins a named group (a BroadcastChannel).
  void joinGroup(const std::shared_ptr<SiblingGroup>& group);
  /// Leaves the group; the remaining end of a channel receives a close message.
  void disentangle();
  /// Sends to the other members of the group (see SiblingGroup::dispatch); false when
  /// the port is not entangled any more.
  bool post(PortMessage msg, SiblingGroup::Cloner clone, std::string* warning);
  /// Thread-safe: appends to the queue and wakes the owner, if any.
  void addToIncomingQueue(PortMessage msg);
  /// Messages ever queued (wrapping); sequentially consistent (see addToIncomingQueue).
  std::uint32_t posted() const noexcept { return posted_.load(); }

 private:
  friend class MessagePortWrap;
  friend class SiblingGroup;
  std::mutex mutex_;
  /// Messages ever queued (wraps): a spinning receiver compares it with what it saw.
  std::atomic<std::uint32_t> posted_{0};
  std::deque<PortMessage> incoming_;
  MessagePortWrap* owner_ = nullptr;     // guarded by mutex_
  std::shared_ptr<SiblingGroup> group_;  // touched by the owning thread only
};

/// A port's handle on its thread's loop: a uv_async_t signalled by senders.
class MessagePortWrap final : public HandleWrap {
 public:
  /// Runs on the port's thread when messages may be waiting (from the libuv callback).
  using OnSignal = UniqueFunction<void()>;

  /// Adopts `data` (a new channel end, or one received in a message) on env's loop.
  static MessagePortWrap* create(Environment& env, std::shared_ptr<MessagePortData> data,
                                 OnSignal onSignal);

  enum class Received { kNone, kMessage, kClose };
  /// Pops the head of the queue into `out`: a message when `wantsMessage` (the port is
  /// started, or receiveMessageOnPort/drain forces it); the close message always.
  Received receive(PortMessage& out, bool wantsMessage);
  /// Messages waiting now.
  std::size_t pending();
  /// Wakes this port's loop (any thread).
  void triggerAsync();
  /// A message was queued (any thread, the port's queue locked, `posted_` counted): flags
  /// the port unless the loop is spinning (then it sees the counter move). Returns the
  /// waker to write to once the lock is released, or null when no write is needed (the
  /// loop spins, a wake is pending, or, without a waker, the async handle was sent).
  std::shared_ptr<PortWaker> notify();
  /// The channel end, or nullptr once detached.
  MessagePortData* data() const noexcept { return data_.get(); }
  /// For a transfer: takes the channel end (and its queue) away from this handle,
  /// which the caller then closes.
  std::shared_ptr<MessagePortData> detach();

 private:
  friend class PortLoop;
  MessagePortWrap(Environment& env, std::shared_ptr<MessagePortData> data, OnSignal onSignal);
  ~MessagePortWrap() override;
  void onClosing() override;
  static void onAsync(uv_async_t* h);
  /// Sets signalled_ and returns the waker to write to (see notify()).
  std::shared_ptr<PortWaker> flag();
  void signal();  // on the port's thread: runs onSignal_ when the flag was set

  uv_async_t async_;
  std::shared_ptr<MessagePortData> data_;
  OnSignal onSignal_;
  std::atomic<bool> signalled_{false};     // flagged by a sender (or triggerAsync)
  std::uint32_t seen_ = 0;                 // data_->posted_ at the last signal()
  std::shared_ptr<PortLoop> portLoop_;     // this thread's spinner
  MessagePortWrap* prevInLoop_ = nullptr;  // PortLoop's list (port's thread only)
  MessagePortWrap* nextInLoop_ = nullptr;
};

/// The ports of one Environment and its adaptive spin (see the top of this file).
class PortLoop {
 public:
  /// The calling thread's PortLoop for `env` (made on first use).
  static std::shared_ptr<PortLoop> of(Environment& env);
  explicit PortLoop(Environment& env);
  ~PortLoop();
  PortLoop(const PortLoop&) = delete;
  PortLoop& operator=(const PortLoop&) = delete;

  /// Any thread: true when the loop is spinning and will see a counter moved before.
  bool spinning() const noexcept { return spinning_.load(); }
  /// The port's thread: a port delivered messages just now (the loop is "hot").
  void markActive() noexcept;
  /// Any thread: the waker when this call is the one that makes a wake pending (the caller
  /// then writes to it), else null. Also null without a waker (no eventfd could be made).
  std::shared_ptr<PortWaker> claimWake();
  bool hasWaker() const noexcept { return waker_ != nullptr; }

 private:
  friend class MessagePortWrap;
  template <class H>
  class Own;
  void onWake();
  void add(MessagePortWrap* w) noexcept;
  void remove(MessagePortWrap* w) noexcept;
  void spin();
  bool runSignalled();

  Environment* env_;
  std::uint64_t envId_;
  Own<uv_prepare_t>* prepare_ = nullptr;  // spins (until the Environment closes it)
  Own<uv_poll_t>* poll_ = nullptr;        // polls waker_ (until the Environment closes it)
  std::shared_ptr<PortWaker> waker_;      // null if no eventfd could be made: async handles
  MessagePortWrap* ports_ = nullptr;      // oldest first
  MessagePortWrap* portsTail_ = nullptr;  // newest
  std::uint64_t lastActiveNs_ = 0;
  // Read by every sender for every message: alone on its cache line, so that the owner's
  // writes to the fields above do not take it away from them.
  alignas(64) std::atomic<bool> spinning_{false};
  char pad_[64 - sizeof(std::atomic<bool>)];
};

}  // namespace nodecc::bindings
