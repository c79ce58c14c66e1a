#include "bindings/message_port.h"

#include <algorithm>
#include <map>
#include <utility>

namespace nodecc::bindings {

namespace {
// BroadcastChannel groups by name. Never destroyed, so that a thread still running
// while the process exits can never see it gone.
struct NamedGroups {
  std::mutex mutex;
  std::map<std::string, std::weak_ptr<SiblingGroup>, std::less<>> groups;
};
NamedGroups& namedGroups() {
  static auto* g = new NamedGroups;
  return *g;
}
}  // namespace

// ---- SiblingGroup -------------------------------------------------------------------

SiblingGroup::~SiblingGroup() {
  if (name_.empty()) return;
  NamedGroups& g = namedGroups();
  std::lock_guard<std::mutex> lock(g.mutex);
  auto it = g.groups.find(name_);
  if (it != g.groups.end() && it->second.expired()) g.groups.erase(it);
}

std::shared_ptr<SiblingGroup> SiblingGroup::named(const std::string& name) {
  NamedGroups& g = namedGroups();
  std::lock_guard<std::mutex> lock(g.mutex);
  auto& slot = g.groups[name];
  std::shared_ptr<SiblingGroup> group = slot.lock();
  if (!group) {
    group = std::make_shared<SiblingGroup>(name);
    slot = group;
  }
  return group;
}

bool SiblingGroup::dispatch(MessagePortData* source, PortMessage msg, Cloner clone,
                            std::string* warning) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t targets = 0;
  for (MessagePortData* m : members_) {
    if (m == source) continue;
    ++targets;
    for (const auto& p : msg.ports) {
      if (p.get() == m) {
        // The message would be queued inside the very port it carries: Node drops
        // it with a warning. `msg` is destroyed by the caller, after this lock.
        if (warning) *warning = "The target port was posted to itself, and the communication "
                                "channel was lost";
        return true;
      }
    }
  }
  if (targets == 0) return false;
  for (MessagePortData* m : members_) {
    if (m == source) continue;
    if (--targets == 0) {
      m->addToIncomingQueue(std::move(msg));
    } else {
      PortMessage copy;
      copy.value = clone ? clone(msg.value) : msg.value;
      m->addToIncomingQueue(std::move(copy));
    }
  }
  return true;
}

void SiblingGroup::entangle(MessagePortData* data) {
  std::lock_guard<std::mutex> lock(mutex_);
  members_.push_back(data);
  data->group_ = shared_from_this();
}

void SiblingGroup::disentangle(MessagePortData* data) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = std::find(members_.begin(), members_.end(), data);
  if (it == members_.end()) return;
  members_.erase(it);
  // The other end of a channel closes once it has received what was sent before.
  if (name_.empty()) {
    for (MessagePortData* m : members_) {
      PortMessage close;
      close.close = true;
      m->addToIncomingQueue(std::move(close));
    }
  }
}

// ---- MessagePortData ----------------------------------------------------------------

MessagePortData::~MessagePortData() { disentangle(); }

void MessagePortData::entangle(const std::shared_ptr<MessagePortData>& a,
                               const std::shared_ptr<MessagePortData>& b) {
  auto group = std::make_shared<SiblingGroup>();
  group->entangle(a.get());
  group->entangle(b.get());
}

void MessagePortData::joinGroup(const std::shared_ptr<SiblingGroup>& group) {
  group->entangle(this);
}

void MessagePortData::disentangle() {
  // Keep the group alive past its last member's reset.
  if (std::shared_ptr<SiblingGroup> g = std::move(group_)) g->disentangle(this);
}

bool MessagePortData::post(PortMessage msg, SiblingGroup::Cloner clone, std::string* warning) {
  if (!group_) return false;
  std::shared_ptr<SiblingGroup> g = group_;
  return g->dispatch(this, std::move(msg), clone, warning);
}

void MessagePortData::addToIncomingQueue(PortMessage msg) {
  std::lock_guard<std::mutex> lock(mutex_);
  incoming_.push_back(std::move(msg));
  // The owner clears owner_ under this mutex before its handle starts closing.
  if (owner_) owner_->triggerAsync();
}

// ---- MessagePortWrap ----------------------------------------------------------------

MessagePortWrap::MessagePortWrap(Environment& env, std::shared_ptr<MessagePortData> data,
                                 OnSignal onSignal)
    : HandleWrap(env, (uv_async_init(env.loop(), &async_, &MessagePortWrap::onAsync),
                       reinterpret_cast<uv_handle_t*>(&async_))),
      data_(std::move(data)),
      onSignal_(std::move(onSignal)) {
  bool waiting;
  {
    std::lock_guard<std::mutex> lock(data_->mutex_);
    data_->owner_ = this;
    waiting = !data_->incoming_.empty();
  }
  if (waiting) triggerAsync();
}

MessagePortWrap* MessagePortWrap::create(Environment& env, std::shared_ptr<MessagePortData> data,
                                         OnSignal onSignal) {
  return new MessagePortWrap(env, std::move(data), std::move(onSignal));
}

MessagePortWrap::~MessagePortWrap() {
  // Node's MessagePort::OnClose: leaving the group after the handle closed is what
  // sends the peer its close message.
  if (data_) data_->disentangle();
}

void MessagePortWrap::onClosing() {
  if (!data_) return;
  std::lock_guard<std::mutex> lock(data_->mutex_);
  data_->owner_ = nullptr;
}

void MessagePortWrap::onAsync(uv_async_t* h) {
  auto* self = static_cast<MessagePortWrap*>(static_cast<HandleWrap*>(h->data));
  if (self->isClosing() || !self->onSignal_) return;
  self->onSignal_();
}

void MessagePortWrap::triggerAsync() { uv_async_send(&async_); }

MessagePortWrap::Received MessagePortWrap::receive(PortMessage& out, bool wantsMessage) {
  if (!data_) return Received::kNone;
  PortMessage head;
  {
    std::lock_guard<std::mutex> lock(data_->mutex_);
    auto& q = data_->incoming_;
    if (q.empty()) return Received::kNone;
    if (!q.front().close && !wantsMessage) return Received::kNone;
    head = std::move(q.front());
    q.pop_front();
  }
  // Assigned outside the lock: dropping what `out` held may close ports (which locks
  // their groups, and groups lock ports' queues: never the other way round).
  bool close = head.close;
  out = std::move(head);
  return close ? Received::kClose : Received::kMessage;
}

std::size_t MessagePortWrap::pending() {
  if (!data_) return 0;
  std::lock_guard<std::mutex> lock(data_->mutex_);
  return data_->incoming_.size();
}

std::shared_ptr<MessagePortData> MessagePortWrap::detach() {
  if (data_) {
    std::lock_guard<std::mutex> lock(data_->mutex_);
    data_->owner_ = nullptr;
  }
  return std::move(data_);
}

}  // namespace nodecc::bindings
