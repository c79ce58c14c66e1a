// child_process: lib/child_process.js and lib/internal/child_process.js over
// bindings/process_wrap (uv_spawn) and bindings/ipc_channel (setupChannel).
#include "nodecc/child_process.h"

#include <signal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "bindings/ipc_channel.h"
#include "bindings/process_wrap.h"
#include "bindings/tcp_wrap.h"
#include "nodecc/console.h"
#include "nodecc/environment.h"

namespace nodecc::child_process {

namespace {

constexpr double kMaxBuffer = 1024 * 1024;

std::string show(std::string_view s) { return util::inspect(std::string(s)); }

Error unknownSignal(const std::string& s) {
  return errors::typeError("ERR_UNKNOWN_SIGNAL", "Unknown signal: " + s);
}

void validateArgumentNullCheck(std::string_view arg, std::string_view propName) {
  if (arg.find('\0') != std::string_view::npos) {
    throw errors::invalidArgValue(propName, show(arg), "must be a string without null bytes");
  }
}

// getValidatedPath's null-byte check.
void validatePath(std::string_view path, std::string_view name) {
  if (path.find('\0') != std::string_view::npos) {
    throw errors::invalidArgValue(name, show(path),
                                  "must be a string, Uint8Array, or URL without null bytes");
  }
}

void validateTimeout(double timeout) {
  if (!(std::isfinite(timeout) && std::trunc(timeout) == timeout && timeout >= 0)) {
    throw errors::outOfRange("timeout", "an unsigned integer", util::detail::formatNumber(timeout));
  }
}

void validateMaxBuffer(double maxBuffer) {
  if (!(maxBuffer >= 0)) {
    throw errors::outOfRange("options.maxBuffer", "a positive number",
                             util::detail::formatNumber(maxBuffer));
  }
}

void validateSerialization(const std::string& s) {
  if (s == "json") return;
  if (s == "advanced") {
    throw errors::error("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
                        "The 'advanced' serialization (V8's serializer) is not available in "
                        "nodecc; use 'json'");
  }
  throw errors::invalidArgValue("options.serialization", show(s),
                                "must be one of: undefined, 'json', 'advanced'");
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// JS `text.slice(0, units)` on the UTF-8 form of a string: the first `units` UTF-16 code
// units; a surrogate pair cut in half leaves its lone first half, which prints as U+FFFD.
std::string sliceUtf16(const std::string& text, std::size_t units) {
  std::size_t i = 0, u = 0;
  while (i < text.size() && u < units) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len == 4 && u + 1 == units) return text.substr(0, i) + "\xEF\xBF\xBD";
    u += len == 4 ? 2 : 1;
    i = std::min(text.size(), i + len);
  }
  return text.substr(0, i);
}

}  // namespace

// ---- option types ----------------------------------------------------------------------------

int Signal::number() const {
  if (number_) {
    if (os_signals::toName(*number_).empty()) throw unknownSignal(std::to_string(*number_));
    return *number_;
  }
  // Node's convertToValidSignal upper-cases the name (the error keeps the spelling given).
  std::string upper = name_;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int n = os_signals::fromName(upper);
  if (n <= 0) throw unknownSignal(name_);
  return n;
}

StdioSlot::StdioSlot(std::string_view name) {
  if (name == "pipe")
    kind_ = Kind::kPipe;
  else if (name == "overlapped")
    kind_ = Kind::kOverlapped;
  else if (name == "ignore")
    kind_ = Kind::kIgnore;
  else if (name == "inherit")
    kind_ = Kind::kInherit;
  else if (name == "ipc")
    kind_ = Kind::kIpc;
  else {
    kind_ = Kind::kInvalid;
    invalid_ = std::string(name);
  }
}

StdioSlot::StdioSlot(int fd) {
  if (fd < 0) {
    kind_ = Kind::kPipe;
  } else {
    kind_ = Kind::kFd;
    fd_ = fd;
  }
}

StdioSlot::StdioSlot(net::SocketPtr stream) : kind_(Kind::kStream), stream_(std::move(stream)) {
  if (!stream_) kind_ = Kind::kDefault;
}

Env::Env(std::initializer_list<std::pair<std::string, std::string>> vars) {
  for (const auto& [k, v] : vars) (*this)[k] = v;
}

Env Env::fromProcess() {
  Env e;
  for (auto& [k, v] : process::env.entries()) e.vars_.emplace_back(k, v);
  return e;
}

std::string& Env::operator[](std::string_view key) {
  for (auto& [k, v] : vars_)
    if (k == key) return v;
  vars_.emplace_back(std::string(key), std::string());
  return vars_.back().second;
}

std::optional<std::string> Env::get(std::string_view key) const {
  for (const auto& [k, v] : vars_)
    if (k == key) return v;
  return std::nullopt;
}

void Env::erase(std::string_view key) {
  for (auto it = vars_.begin(); it != vars_.end(); ++it) {
    if (it->first == key) {
      vars_.erase(it);
      return;
    }
  }
}

void ExecCallback::operator()(std::optional<Error> err, std::string out, std::string errOut) {
  if (text_)
    text_(std::move(err), std::move(out), std::move(errOut));
  else if (bytes_)
    bytes_(std::move(err), Buffer::from(out), Buffer::from(errOut));
}

void ExecCallback::operator()(std::optional<Error> err, Buffer out, Buffer errOut) {
  if (bytes_)
    bytes_(std::move(err), std::move(out), std::move(errOut));
  else if (text_)
    text_(std::move(err), std::string(out.view()), std::string(errOut.view()));
}

SendHandle::SendHandle(net::SocketPtr socket) {
  if (socket) obj_ = HostObject{std::move(socket), "net.Socket"};
}

SendHandle::SendHandle(net::ServerPtr server) {
  if (server) obj_ = HostObject{std::move(server), "net.Server"};
}

net::SocketPtr SendHandle::socket() const {
  if (obj_.type != "net.Socket") return nullptr;
  return std::static_pointer_cast<net::Socket>(obj_.ptr);
}

net::ServerPtr SendHandle::server() const {
  if (obj_.type != "net.Server") return nullptr;
  return std::static_pointer_cast<net::Server>(obj_.ptr);
}

namespace internal {

/// normalizeSpawnArguments' result, plus what ChildProcess.prototype.spawn reads.
struct NormalizedSpawn {
  std::string file;
  std::vector<std::string> args;  // argv, argv[0] included
  std::optional<std::string> cwd;
  std::vector<std::string> envPairs;
  Stdio stdio;
  bool detached = false;
  std::optional<int> uid;
  std::optional<int> gid;
  std::string serialization = "json";
};

struct Access {
  static void spawn(ChildProcess& c, NormalizedSpawn& o) { c.spawnImpl(o); }
  static std::shared_ptr<bindings::IpcChannel> channel(const Channel& ch) {
    return std::static_pointer_cast<bindings::IpcChannel>(ch.impl_.lock());
  }
  static void setChannel(Channel& ch, const std::shared_ptr<bindings::IpcChannel>& c) {
    ch.impl_ = c;
  }
};

}  // namespace internal

using internal::Access;
using internal::NormalizedSpawn;

void Channel::ref() {
  if (auto c = Access::channel(*this)) c->ref();
}

void Channel::unref() {
  if (auto c = Access::channel(*this)) c->unref();
}

Maybe<int> Channel::fd() const {
  auto c = Access::channel(*this);
  int fd = c ? c->fd() : -1;
  if (fd < 0) return std::nullopt;
  return fd;
}

// ---- normalizeSpawnArguments -----------------------------------------------------------------

namespace {

struct CommonOptions {
  const std::optional<std::string>& cwd;
  const std::optional<Env>& env;
  const std::optional<std::string>& argv0;
  const Shell& shell;
};

NormalizedSpawn normalizeSpawnArguments(std::string_view fileIn, std::vector<std::string> args,
                                        const CommonOptions& o) {
  std::string file(fileIn);
  validateArgumentNullCheck(file, "file");
  if (file.empty()) throw errors::invalidArgValue("file", show(file), "cannot be empty");
  for (std::size_t i = 0; i < args.size(); ++i) {
    validateArgumentNullCheck(args[i], "args[" + std::to_string(i) + "]");
  }
  NormalizedSpawn n;
  if (o.cwd) {
    validatePath(*o.cwd, "options.cwd");
    n.cwd = o.cwd;
  }
  if (o.argv0) validateArgumentNullCheck(*o.argv0, "options.argv0");
  if (o.shell) {
    validateArgumentNullCheck(o.shell.isPath() ? o.shell.program() : "", "options.shell");
    std::vector<std::string> all{file};
    all.insert(all.end(), args.begin(), args.end());
    std::string command = join(all, " ");
    file = o.shell.program();
    args = {"-c", command};
  }
  if (o.argv0)
    args.insert(args.begin(), *o.argv0);
  else
    args.insert(args.begin(), file);

  std::vector<std::pair<std::string, std::string>> vars;
  if (o.env) {
    vars = o.env->entries();
    // process.env.NODE_V8_COVERAGE always propagates.
    bool has = false;
    for (auto& [k, v] : vars) has |= k == "NODE_V8_COVERAGE";
    if (!has) {
      if (auto cov = process::env.get("NODE_V8_COVERAGE"); cov && !cov->empty())
        vars.emplace_back("NODE_V8_COVERAGE", *cov);
    }
  } else {
    vars = process::env.entries();
  }
  for (auto& [k, v] : vars) {
    validateArgumentNullCheck(k, "options.env['" + k + "']");
    validateArgumentNullCheck(v, "options.env['" + k + "']");
    n.envPairs.push_back(k + "=" + v);
  }
  n.file = std::move(file);
  n.args = std::move(args);
  return n;
}

std::vector<StdioSlot> stdioStringToArray(const std::string& stdio, bool channel) {
  std::vector<StdioSlot> options;
  if (stdio == "ignore" || stdio == "overlapped" || stdio == "pipe") {
    options = {StdioSlot(stdio), StdioSlot(stdio), StdioSlot(stdio)};
  } else if (stdio == "inherit") {
    options = {StdioSlot(0), StdioSlot(1), StdioSlot(2)};
  } else {
    throw errors::invalidArgValue("stdio", show(stdio));
  }
  if (channel) options.emplace_back("ipc");
  return options;
}

// One slot after getValidStdio (async form).
struct StdioEntry {
  enum class Type { kIgnore, kPipe, kInherit, kFd, kWrap } type = Type::kIgnore;
  bindings::PipeWrap* handle = nullptr;  // kPipe (or the IPC pipe)
  bool ipc = false;
  int fd = -1;
  net::SocketPtr socket;  // kWrap: the stream given; kPipe: made after spawn
};

std::vector<StdioSlot> stdioSlots(const Stdio& stdio) {
  if (!stdio.isSet()) return stdioStringToArray("pipe", false);
  if (stdio.isString()) return stdioStringToArray(stdio.string(), false);
  return stdio.slots();
}

void closeEntries(std::vector<StdioEntry>& entries) {
  for (auto& e : entries) {
    if (e.handle) e.handle->close();
    e.handle = nullptr;
  }
}

// getValidStdio(stdio, false)
std::vector<StdioEntry> getValidStdio(const Stdio& stdio, Environment& e, int* ipcFd) {
  std::vector<StdioSlot> slots = stdioSlots(stdio);
  while (slots.size() < 3) slots.emplace_back();
  std::vector<StdioEntry> acc;
  bool haveIpc = false;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    StdioSlot s = slots[i];
    if (s.kind() == StdioSlot::Kind::kDefault) s = i < 3 ? StdioSlot("pipe") : StdioSlot("ignore");
    StdioEntry entry;
    switch (s.kind()) {
      case StdioSlot::Kind::kIgnore:
        break;
      case StdioSlot::Kind::kPipe:
      case StdioSlot::Kind::kOverlapped:
        entry.type = StdioEntry::Type::kPipe;
        entry.handle = bindings::PipeWrap::create(e, false);
        break;
      case StdioSlot::Kind::kIpc:
        if (haveIpc) {
          closeEntries(acc);
          throw errors::error("ERR_IPC_ONE_PIPE", "Child process can have only one IPC pipe");
        }
        haveIpc = true;
        *ipcFd = static_cast<int>(i);
        entry.type = StdioEntry::Type::kPipe;
        entry.ipc = true;
        entry.handle = bindings::PipeWrap::create(e, true);
        break;
      case StdioSlot::Kind::kInherit:
        entry.type = StdioEntry::Type::kInherit;
        entry.fd = static_cast<int>(i);
        break;
      case StdioSlot::Kind::kFd:
        entry.type = StdioEntry::Type::kFd;
        entry.fd = s.fd();
        break;
      case StdioSlot::Kind::kStream:
        if (!s.stream()->handle()) {
          closeEntries(acc);
          throw errors::invalidArgValue("stdio", "Socket");
        }
        entry.type = StdioEntry::Type::kWrap;
        entry.socket = s.stream();
        break;
      case StdioSlot::Kind::kInvalid:
        // Any other string is "input", which only the synchronous variants take.
        closeEntries(acc);
        throw errors::typeError("ERR_INVALID_SYNC_FORK_INPUT",
                                "Asynchronous forks do not support Buffer, TypedArray, DataView "
                                "or string input: " +
                                    show(s.invalid()));
      case StdioSlot::Kind::kDefault:
        break;
    }
    acc.push_back(std::move(entry));
  }
  return acc;
}

}  // namespace

// ---- handle conversions (Node's handleConversion) --------------------------------------------

namespace internal {

std::optional<bindings::IpcChannel::OutgoingHandle> toOutgoing(const SendHandle& h) {
  if (!h) return std::nullopt;
  bindings::IpcChannel::OutgoingHandle o;
  o.type = h.type();
  if (net::SocketPtr s = h.socket()) {
    o.closeAfterAck = true;
    o.prepare = [s](Object&, bool keepOpen) -> bindings::HandleWrap* {
      if (!s->handle()) return nullptr;
      if (keepOpen) return s->handle();
      return s->detachHandle();
    };
  } else if (net::ServerPtr srv = h.server()) {
    o.prepare = [srv](Object&, bool) -> bindings::HandleWrap* { return srv->handle(); };
  } else {
    throw errors::typeError("ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent");
  }
  return o;
}

void convertReceivedHandle(const Value& message, bindings::ReceivedHandle h,
                           UniqueFunction<void(bindings::HandleObject)> done) {
  std::string type = message["type"].isString() ? message["type"].asString() : "";
  if (!h.stream) {
    // A UDP socket: dgram handle passing is not available yet; the message goes alone.
    h.discard();
    done(bindings::HandleObject{});
    return;
  }
  bool asServer = type == "net.Server" || ((type == "net.Native" || type.empty()) && h.listening);
  if (asServer) {
    auto server = std::make_shared<net::Server>();
    auto shared = std::make_shared<UniqueFunction<void(bindings::HandleObject)>>(std::move(done));
    std::weak_ptr<net::Server> weak = server;
    server->listenHandle(static_cast<bindings::ConnectionWrap*>(h.stream), [weak, shared] {
      if (auto s = weak.lock()) (*shared)(bindings::HandleObject{s, "net.Server"});
    });
    return;
  }
  net::SocketOptions so;
  so.readable = true;
  so.writable = true;
  net::SocketPtr socket = net::Socket::fromHandle(h.stream, so);
  done(bindings::HandleObject{socket, "net.Socket"});
}

}  // namespace internal

using internal::convertReceivedHandle;
using internal::toOutgoing;

// ---- ChildProcess ---------------------------------------------------------------------------

struct ChildProcess::Impl final : bindings::IpcChannel::Delegate {
  ChildProcess* owner;
  Environment* env;
  bindings::ProcessWrap* handle = nullptr;  // Node's _handle
  std::shared_ptr<bindings::IpcChannel> channel;
  int closesNeeded = 1;
  int closesGot = 0;
  bool processClosed = true;
  int stdioOpen = 0;
  bool released = false;
  std::shared_ptr<ChildProcess> self;  // held from spawn until everything is released
  std::uint64_t cleanupToken = 0;

  explicit Impl(ChildProcess* o) : owner(o), env(&Environment::require()) {}

  std::shared_ptr<ChildProcess> strong() {
    return std::static_pointer_cast<ChildProcess>(owner->shared_from_this());
  }
  std::weak_ptr<ChildProcess> weak() { return strong(); }

  // Delegate
  EventEmitter& target() override { return *owner; }
  std::shared_ptr<void> keepTarget() override { return owner->weak_from_this().lock(); }
  void emitMessage(std::string_view event, const Value& message,
                   const bindings::HandleObject& h) override {
    owner->emit(event, message, SendHandle(h));
  }
  void convertReceived(const Value& message, bindings::ReceivedHandle h,
                       UniqueFunction<void(bindings::HandleObject)> done) override {
    convertReceivedHandle(message, h, std::move(done));
  }
  void channelClosed() override {
    auto keep = strong();
    maybeClose();
  }
  void channelReleased() override {
    auto keep = strong();
    maybeRelease();
  }

  // this._handle.onexit
  void onexit(std::int64_t exitCode, int termSignal) {
    ChildProcess& c = *owner;
    std::string signal = termSignal ? os_signals::toName(termSignal) : std::string();
    if (!signal.empty())
      c.signalCode_ = signal;
    else
      c.exitCode_ = static_cast<int>(exitCode);
    if (c.stdin_) c.stdin_->destroy();
    closeHandle();
    if (exitCode < 0) {
      std::string syscall = c.spawnfile_.empty() ? "spawn" : "spawn " + c.spawnfile_;
      Error err = errors::errnoException(static_cast<int>(exitCode), syscall);
      if (!c.spawnfile_.empty()) err.path = c.spawnfile_;
      Array spawnargs;
      for (std::size_t i = 1; i < c.spawnargs_.size(); ++i) spawnargs.push_back(c.spawnargs_[i]);
      err.info = Object{{"spawnargs", Value(std::move(spawnargs))}};
      c.emit("error", err);
    } else {
      c.emit("exit", c.exitCode_, c.signalCode_);
    }
    // Pull unconsumed output through so that the streams end and 'close' can come.
    auto keep = strong();
    env->nextTick(Task([keep] {
      for (const net::SocketPtr& s : keep->stdio_) {
        if (!s || !s->readable()) continue;
        s->resume();
      }
    }));
    maybeClose();
  }

  void closeHandle() {
    if (!handle) return;
    bindings::ProcessWrap* h = handle;
    handle = nullptr;
    std::weak_ptr<ChildProcess> w = weak();
    h->close([w] {
      if (auto c = w.lock()) {
        c->impl_->processClosed = true;
        c->impl_->maybeRelease();
      }
    });
  }

  void maybeClose() {
    if (++closesGot == closesNeeded) owner->emit("close", owner->exitCode_, owner->signalCode_);
    maybeRelease();
  }

  // Drops the self-reference and the listeners once nothing can be emitted any more.
  void maybeRelease() {
    if (released || !processClosed || handle || stdioOpen > 0) return;
    if (channel && !channel->closed()) return;
    released = true;
    if (cleanupToken && Environment::current() == env) env->removeCleanupHook(cleanupToken);
    cleanupToken = 0;
    auto keep = std::move(self);
    owner->removeAllListeners();
  }
};

ChildProcess::ChildProcess() : impl_(std::make_unique<Impl>(this)) {}

ChildProcess::~ChildProcess() {
  if (impl_->channel) impl_->channel->detach();
  if (impl_->handle) impl_->handle->close();
  if (impl_->cleanupToken && Environment::current() == impl_->env) {
    impl_->env->removeCleanupHook(impl_->cleanupToken);
  }
}

const nodecc::detail::SigInfo* ChildProcess::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "exit" || event == "close") {
    return &SigOf<std::optional<int>, std::optional<std::string>>::info;
  }
  if (event == "spawn" || event == "disconnect") return &SigOf<>::info;
  if (event == "error") return &SigOf<Error>::info;
  if (event == "message" || event == "internalMessage") return &SigOf<Value, SendHandle>::info;
  return nullptr;
}

void ChildProcess::listenerAdded(std::string_view) {
  // setupChannel's 'newListener' listener: deliver the messages held for a 'message' one.
  if (impl_->channel) impl_->channel->onNewListener();
}

// ChildProcess.prototype.spawn
void ChildProcess::spawnImpl(NormalizedSpawn& options) {
  Environment& e = *impl_->env;
  validateSerialization(options.serialization);
  int ipcFd = -1;
  std::vector<StdioEntry> stdio = getValidStdio(options.stdio, e, &ipcFd);
  bool hasIpc = ipcFd >= 0;
  if (hasIpc) {
    options.envPairs.push_back("NODE_CHANNEL_FD=" + std::to_string(ipcFd));
    options.envPairs.push_back("NODE_CHANNEL_SERIALIZATION_MODE=" + options.serialization);
  }
  spawnfile_ = options.file;
  spawnargs_ = options.args;

  bindings::ProcessOptions po;
  po.file = options.file;
  po.args = options.args;
  // process_wrap.cc sets a cwd only when it is not empty (spawnSync's runner does not skip it).
  if (options.cwd && !options.cwd->empty()) po.cwd = options.cwd;
  po.envPairs = std::move(options.envPairs);
  po.detached = options.detached;
  po.uid = options.uid;
  po.gid = options.gid;
  for (const StdioEntry& s : stdio) {
    bindings::StdioContainer c;
    switch (s.type) {
      case StdioEntry::Type::kIgnore:
        c.kind = bindings::StdioContainer::Kind::kIgnore;
        break;
      case StdioEntry::Type::kPipe:
        c.kind = bindings::StdioContainer::Kind::kCreatePipe;
        c.stream = s.handle;
        break;
      case StdioEntry::Type::kInherit:
      case StdioEntry::Type::kFd:
        c.kind = bindings::StdioContainer::Kind::kInheritFd;
        c.fd = s.fd;
        break;
      case StdioEntry::Type::kWrap:
        c.kind = bindings::StdioContainer::Kind::kInheritStream;
        c.stream = s.socket->handle();
        break;
    }
    po.stdio.push_back(c);
  }

  std::weak_ptr<ChildProcess> w = impl_->weak();
  int err = 0;
  impl_->handle = bindings::ProcessWrap::spawn(
      e, po,
      [w, &e](std::int64_t exitStatus, int termSignal) {
        auto c = w.lock();
        if (!c) return;
        e.makeCallback([&] { c->impl_->onexit(exitStatus, termSignal); });
      },
      &err);
  impl_->processClosed = false;
  auto self = impl_->strong();
  if (err == UV_EACCES || err == UV_EAGAIN || err == UV_EMFILE || err == UV_ENFILE ||
      err == UV_ENOENT) {
    // Run-time errors are an 'error' event, not an exception.
    e.nextTick(Task([self, err] {
      if (self->impl_->handle) self->impl_->onexit(err, 0);
    }));
    if (err == UV_EMFILE || err == UV_ENFILE) {
      // Node returns here, without stdio streams.
      closeEntries(stdio);
      impl_->self = self;
      return;
    }
  } else if (err) {
    closeEntries(stdio);
    impl_->closeHandle();
    throw errors::errnoException(err, "spawn");
  } else {
    e.nextTick(Task([self] { self->emit("spawn"); }));
  }
  impl_->self = self;
  impl_->cleanupToken = e.addCleanupHook(Task([w] {
    // Environment teardown: no event can be delivered any more.
    if (auto c = w.lock()) {
      c->impl_->cleanupToken = 0;
      c->impl_->released = true;
      if (c->impl_->channel) c->impl_->channel->detach();
      auto keep = std::move(c->impl_->self);
      c->removeAllListeners();
    }
  }));
  if (!err) pid_ = impl_->handle->pid();

  for (std::size_t i = 0; i < stdio.size(); ++i) {
    StdioEntry& s = stdio[i];
    if (s.type == StdioEntry::Type::kIgnore) continue;
    if (s.ipc) {
      ++impl_->closesNeeded;
      continue;
    }
    if (s.type == StdioEntry::Type::kWrap) {
      // Already shared with the child: stop reading it here.
      if (s.socket->handle()) s.socket->handle()->readStop();
      s.socket->pause();
      continue;
    }
    if (s.handle) {
      net::SocketOptions so;
      so.readable = i > 0;
      s.socket = net::Socket::fromHandle(s.handle, so);
      s.handle = nullptr;
      if (i > 0) {
        ++impl_->closesNeeded;
        ++impl_->stdioOpen;
        s.socket->on("close", [w](bool) {
          if (auto c = w.lock()) {
            --c->impl_->stdioOpen;
            c->impl_->maybeClose();
          }
        });
      }
    }
  }
  auto socketAt = [&](std::size_t i) -> net::SocketPtr {
    if (i >= stdio.size() || stdio[i].type != StdioEntry::Type::kPipe || stdio[i].ipc)
      return nullptr;
    return stdio[i].socket;
  };
  stdin_ = socketAt(0);
  stdout_ = socketAt(1);
  stderr_ = socketAt(2);
  for (std::size_t i = 0; i < stdio.size(); ++i) stdio_.push_back(socketAt(i));

  if (hasIpc) {
    bindings::PipeWrap* pipe = stdio[static_cast<std::size_t>(ipcFd)].handle;
    impl_->channel = bindings::IpcChannel::create(pipe, impl_.get());
    Access::setChannel(channel_, impl_->channel);
  }
  // After the pipes started reading (see ProcessWrap::watchExit).
  if (!err) impl_->handle->watchExit();
}

bool ChildProcess::kill(Signal sig) {
  int signal = sig.isZero() ? 0 : sig.number();
  if (impl_->handle) {
    int err = impl_->handle->kill(signal);
    if (err == 0) {
      killed_ = true;
      return true;
    }
    if (err == UV_ESRCH) {
      // Already dead.
    } else if (err == UV_EINVAL || err == UV_ENOSYS) {
      throw errors::errnoException(err, "kill");
    } else {
      emit("error", errors::errnoException(err, "kill"));
    }
  }
  return false;
}

void ChildProcess::ref() {
  if (impl_->handle) impl_->handle->ref();
}

void ChildProcess::unref() {
  if (impl_->handle) impl_->handle->unref();
}

bool ChildProcess::connected() const noexcept {
  return impl_->channel && impl_->channel->connected();
}

Channel* ChildProcess::channel() noexcept {
  return impl_->channel && impl_->channel->open() ? &channel_ : nullptr;
}

void ChildProcess::disconnect() {
  if (!impl_->channel) {
    Error e("child.disconnect is not a function");
    e.name = "TypeError";
    throw e;
  }
  impl_->channel->disconnect();
}

bool ChildProcess::send(const Value& message, SendHandle handle, SendOptions options,
                        SendCallback callback) {
  if (!impl_->channel) {
    Error e("child.send is not a function");
    e.name = "TypeError";
    throw e;
  }
  bindings::IpcChannel::SendOptions so;
  so.keepOpen = options.keepOpen;
  return impl_->channel->send(message, toOutgoing(handle), so, std::move(callback));
}

// ---- spawn / fork ------------------------------------------------------------------------------

namespace {

ChildProcessPtr spawnNormalized(NormalizedSpawn& n, double timeout, const Signal& killSignal) {
  validateTimeout(timeout);
  int sig = killSignal.number();
  auto child = std::make_shared<ChildProcess>();
  Access::spawn(*child, n);
  if (timeout > 0) {
    auto done = std::make_shared<bool>(false);
    TimeoutPtr timer = setTimeout(
        [child, sig, done] {
          if (*done) return;
          *done = true;
          try {
            child->kill(sig);
          } catch (const Error& err) {
            child->emit("error", err);
          }
        },
        timeout);
    child->once("exit", [timer, done] {
      if (*done) return;
      *done = true;
      clearTimeout(timer);
    });
  }
  return child;
}

}  // namespace

ChildProcessPtr spawn(std::string_view command, std::vector<std::string> args,
                      SpawnOptions options) {
  CommonOptions co{options.cwd, options.env, options.argv0, options.shell};
  NormalizedSpawn n = normalizeSpawnArguments(command, std::move(args), co);
  n.stdio = options.stdio;
  n.detached = options.detached;
  n.uid = options.uid;
  n.gid = options.gid;
  n.serialization = options.serialization;
  return spawnNormalized(n, options.timeout, options.killSignal);
}

ChildProcessPtr fork(std::string_view modulePath, std::vector<std::string> args,
                     ForkOptions options) {
  validatePath(modulePath, "modulePath");
  std::string file(modulePath);
  if (!options.execPath.empty()) {
    validateArgumentNullCheck(options.execPath, "options.execPath");
    std::vector<std::string> execArgv = options.execArgv.value_or(process::execArgv());
    for (std::size_t i = 0; i < execArgv.size(); ++i)
      validateArgumentNullCheck(execArgv[i], "options.execArgv[" + std::to_string(i) + "]");
    std::vector<std::string> all = execArgv;
    all.push_back(file);
    all.insert(all.end(), args.begin(), args.end());
    args = std::move(all);
    file = options.execPath;
  }
  Stdio stdio;
  if (options.stdio.isString()) {
    stdio = stdioStringToArray(options.stdio.string(), true);
  } else if (!options.stdio.isSet()) {
    stdio = stdioStringToArray(options.silent ? "pipe" : "inherit", true);
  } else {
    bool hasIpc = false;
    for (const StdioSlot& s : options.stdio.slots()) hasIpc |= s.kind() == StdioSlot::Kind::kIpc;
    if (!hasIpc) {
      throw errors::error("ERR_CHILD_PROCESS_IPC_REQUIRED",
                          "Forked processes must have an IPC channel, missing value 'ipc' in "
                          "options.stdio");
    }
    stdio = options.stdio;
  }
  Shell noShell;
  std::optional<std::string> noArgv0;
  CommonOptions co{options.cwd, options.env, noArgv0, noShell};
  NormalizedSpawn n = normalizeSpawnArguments(file, std::move(args), co);
  n.stdio = std::move(stdio);
  n.detached = options.detached;
  n.uid = options.uid;
  n.gid = options.gid;
  n.serialization = options.serialization;
  return spawnNormalized(n, options.timeout, options.killSignal);
}

// ---- exec / execFile
// -------------------------------------------------------------------------------

namespace {

struct ExecState {
  ChildProcess* child = nullptr;
  ExecCallback callback;
  bool text = false;  // collecting decoded strings (stdout.setEncoding)
  std::string encoding;
  std::vector<std::string> outText, errText;
  std::vector<Buffer> outBytes, errBytes;
  double outLen = 0, errLen = 0;
  double maxBuffer = kMaxBuffer;
  int killSignal = SIGTERM;
  bool killed = false;
  bool exited = false;
  TimeoutPtr timeoutId;
  std::optional<Error> ex;
  std::string cmd;
  std::vector<std::string> args;

  void exithandler(std::optional<int> code, std::optional<std::string> signal, bool fromClose) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId.reset();
    }
    if (!callback) return;
    std::string stdoutText, stderrText;
    Buffer stdoutBytes, stderrBytes;
    if (text) {
      for (auto& s : outText) stdoutText += s;
      for (auto& s : errText) stderrText += s;
    } else {
      stdoutBytes = Buffer::concat(std::span<const Buffer>(outBytes.data(), outBytes.size()));
      stderrBytes = Buffer::concat(std::span<const Buffer>(errBytes.data(), errBytes.size()));
    }
    auto deliver = [&](std::optional<Error> err) {
      ExecCallback cb = std::move(callback);
      callback = ExecCallback();
      if (text)
        cb(std::move(err), std::move(stdoutText), std::move(stderrText));
      else
        cb(std::move(err), std::move(stdoutBytes), std::move(stderrBytes));
    };
    if (!ex && fromClose && code == 0 && !signal) {
      deliver(std::nullopt);
      return;
    }
    if (!args.empty()) cmd += " " + join(args, " ");
    if (!ex) {
      std::string shownErr = text ? stderrText : stderrBytes.toString();
      Error e("Command failed: " + cmd + "\n" + shownErr);
      Value codeValue = nullptr;
      if (code) {
        if (*code < 0) {
          e.code = errors::uvErrName(*code);
          codeValue = e.code;
        } else {
          e.code = std::to_string(*code);
          codeValue = *code;
        }
      }
      e.info = Object{{"code", codeValue},
                      {"killed", child->killed() || killed},
                      {"signal", signal ? Value(*signal) : Value(nullptr)}};
      ex = std::move(e);
    }
    if (!ex->info.isObject()) ex->info = Object{};
    ex->info["cmd"] = cmd;
    deliver(std::move(ex));
  }

  void kill() {
    if (child->stdout()) child->stdout()->destroy();
    if (child->stderr()) child->stderr()->destroy();
    killed = true;
    try {
      child->kill(killSignal);
    } catch (const Error& e) {
      ex = e;
      exithandler(std::nullopt, std::nullopt, false);
    }
  }

  // onChildStdout / onChildStderr
  void onData(bool isStdout, std::string chunk, Buffer bytes) {
    double& len = isStdout ? outLen : errLen;
    double length = text ? static_cast<double>(Buffer::byteLength(chunk, encoding))
                         : static_cast<double>(bytes.length());
    if (!std::isfinite(maxBuffer)) {
      if (text)
        (isStdout ? outText : errText).push_back(std::move(chunk));
      else
        (isStdout ? outBytes : errBytes).push_back(std::move(bytes));
      return;
    }
    len += length;
    if (len > maxBuffer) {
      auto truncated = static_cast<std::size_t>(std::max(0.0, maxBuffer - (len - length)));
      if (text)
        (isStdout ? outText : errText).push_back(sliceUtf16(chunk, truncated));
      else
        (isStdout ? outBytes : errBytes)
            .push_back(bytes.subarray(0, static_cast<std::ptrdiff_t>(truncated)));
      ex = errors::rangeError(
          "ERR_CHILD_PROCESS_STDIO_MAXBUFFER",
          std::string(isStdout ? "stdout" : "stderr") + " maxBuffer length exceeded");
      kill();
    } else {
      if (text)
        (isStdout ? outText : errText).push_back(std::move(chunk));
      else
        (isStdout ? outBytes : errBytes).push_back(std::move(bytes));
    }
  }
};

ChildProcessPtr execFileImpl(std::string_view file, std::vector<std::string> args,
                             ExecOptions options, ExecCallback callback) {
  if (options.argv0) validateArgumentNullCheck(*options.argv0, "options.argv0");
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  int killSignal = options.killSignal.number();
  SpawnOptions so;
  so.cwd = options.cwd;
  so.env = options.env;
  so.gid = options.gid;
  so.uid = options.uid;
  so.shell = options.shell;
  ChildProcessPtr child = spawn(file, args, std::move(so));

  auto st = std::make_shared<ExecState>();
  st->child = child.get();
  st->callback = std::move(callback);
  st->maxBuffer = options.maxBuffer;
  st->killSignal = killSignal;
  st->cmd = std::string(file);
  st->args = std::move(args);
  std::optional<std::string_view> norm = encoding::normalize(options.encoding);
  st->text = options.encoding != "buffer" && norm && !st->callback.wantsBuffers();
  if (st->text) st->encoding = std::string(*norm);

  if (options.timeout > 0) {
    st->timeoutId = setTimeout(
        [st] {
          st->timeoutId.reset();
          st->kill();
        },
        options.timeout);
  }
  for (bool isStdout : {true, false}) {
    const net::SocketPtr& s = isStdout ? child->stdout() : child->stderr();
    if (!s) continue;
    if (st->text) {
      s->setEncoding(st->encoding);
      s->on("data", [st, isStdout](const std::string& chunk) { st->onData(isStdout, chunk, {}); });
    } else {
      s->on("data", [st, isStdout](const Buffer& chunk) { st->onData(isStdout, {}, chunk); });
    }
  }
  child->on("close", [st](std::optional<int> code, std::optional<std::string> signal) {
    st->exithandler(code, std::move(signal), true);
  });
  child->on("error", [st](const Error& e) {
    // errorhandler
    st->ex = e;
    if (st->child->stdout()) st->child->stdout()->destroy();
    if (st->child->stderr()) st->child->stderr()->destroy();
    st->exithandler(std::nullopt, std::nullopt, false);
  });
  return child;
}

}  // namespace

ChildProcessPtr execFile(std::string_view file, std::vector<std::string> args, ExecOptions options,
                         ExecCallback callback) {
  return execFileImpl(file, std::move(args), std::move(options), std::move(callback));
}

ChildProcessPtr execFile(std::string_view file, std::vector<std::string> args,
                         ExecCallback callback) {
  return execFileImpl(file, std::move(args), ExecOptions(), std::move(callback));
}

ChildProcessPtr execFile(std::string_view file, ExecCallback callback) {
  return execFileImpl(file, {}, ExecOptions(), std::move(callback));
}

ChildProcessPtr exec(std::string_view command, ExecOptions options, ExecCallback callback) {
  validateArgumentNullCheck(command, "command");
  // normalizeExecArgs: the given shell string (an empty one means none), else /bin/sh.
  if (!options.shell.isString()) options.shell = true;
  return execFileImpl(command, {}, std::move(options), std::move(callback));
}

ChildProcessPtr exec(std::string_view command, ExecCallback callback) {
  return exec(command, ExecOptions(), std::move(callback));
}

// ---- spawnSync, execSync, execFileSync
// -------------------------------------------------------------

namespace {

Value bufferOrString(const Buffer& b, const std::string& encodingName) {
  if (encodingName == "buffer") return b;
  auto norm = encoding::normalize(encodingName);
  if (!norm) return b;
  return b.toString(*norm);
}

}  // namespace

SpawnSyncResult spawnSync(std::string_view command, std::vector<std::string> args,
                          SpawnSyncOptions options) {
  CommonOptions co{options.cwd, options.env, options.argv0, options.shell};
  NormalizedSpawn n = normalizeSpawnArguments(command, std::move(args), co);
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  int killSignal = options.killSignal.number();

  // getValidStdio(stdio, true)
  std::vector<StdioSlot> slots = stdioSlots(options.stdio);
  while (slots.size() < 3) slots.emplace_back();
  std::vector<bindings::SyncStdio> stdio;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    StdioSlot s = slots[i];
    if (s.kind() == StdioSlot::Kind::kDefault) s = i < 3 ? StdioSlot("pipe") : StdioSlot("ignore");
    bindings::SyncStdio e;
    switch (s.kind()) {
      case StdioSlot::Kind::kIgnore:
        break;
      case StdioSlot::Kind::kPipe:
      case StdioSlot::Kind::kOverlapped:
        e.kind = bindings::SyncStdio::Kind::kPipe;
        e.readable = i == 0;
        e.writable = i != 0;
        break;
      case StdioSlot::Kind::kIpc:
        throw errors::error("ERR_IPC_SYNC_FORK", "IPC cannot be used with synchronous forks");
      case StdioSlot::Kind::kInherit:
        e.kind = bindings::SyncStdio::Kind::kInheritFd;
        e.fd = static_cast<int>(i);
        break;
      case StdioSlot::Kind::kFd:
        e.kind = bindings::SyncStdio::Kind::kInheritFd;
        e.fd = s.fd();
        break;
      case StdioSlot::Kind::kStream:
        throw errors::invalidArgValue("stdio", "Socket");
      case StdioSlot::Kind::kInvalid:
        // Node treats it as input and leaves the slot out (later slots move down).
        continue;
      case StdioSlot::Kind::kDefault:
        break;
    }
    stdio.push_back(std::move(e));
  }
  if (!options.input.isNullish() && !stdio.empty()) {
    Buffer input;
    if (options.input.isBuffer()) {
      input = options.input.asBuffer();
    } else if (options.input.isString()) {
      input = Buffer::from(options.input.asString(),
                           options.encoding == "buffer" ? "utf8" : options.encoding);
    } else {
      throw errors::invalidArgType("options.stdio[0]",
                                   "an instance of Buffer, TypedArray, or DataView or of type "
                                   "string",
                                   util::inspect(options.input));
    }
    stdio[0].input = std::move(input);
  }

  bindings::SyncOptions so;
  so.process.file = n.file;
  so.process.args = n.args;
  so.process.cwd = n.cwd;
  so.process.envPairs = std::move(n.envPairs);
  so.process.uid = options.uid;
  so.process.gid = options.gid;
  so.syncStdio = std::move(stdio);
  so.timeout = options.timeout;
  so.maxBuffer = options.maxBuffer;
  so.killSignal = killSignal;
  bindings::SyncResult r = bindings::spawnSync(so);

  SpawnSyncResult out;
  out.pid = r.pid;
  if (r.error) {
    Error err = errors::errnoException(r.error, "spawnSync " + n.file);
    err.path = n.file;
    Array spawnargs;
    for (std::size_t i = 1; i < n.args.size(); ++i) spawnargs.push_back(n.args[i]);
    err.info = Object{{"spawnargs", Value(std::move(spawnargs))}};
    out.error = std::move(err);
  }
  if (r.exited) {
    if (r.termSignal > 0)
      out.signal = os_signals::toName(r.termSignal);
    else
      out.status = static_cast<int>(r.exitStatus);
    std::vector<Value> output;
    for (auto& o : r.output)
      output.push_back(o ? bufferOrString(*o, options.encoding) : Value(nullptr));
    out.output = std::move(output);
  }
  out.stdout = out.output && out.output->size() > 1 ? (*out.output)[1] : Value(nullptr);
  out.stderr = out.output && out.output->size() > 2 ? (*out.output)[2] : Value(nullptr);
  return out;
}

namespace internal {

Value outputArray(const SpawnSyncResult& r) {
  if (!r.output) return nullptr;
  Array a;
  for (const Value& v : *r.output) a.push_back(v);
  return a;
}

Object resultProperties(const SpawnSyncResult& r) {
  return Object{{"status", r.status ? Value(*r.status) : Value(nullptr)},
                {"signal", r.signal ? Value(*r.signal) : Value(nullptr)},
                {"output", outputArray(r)},
                {"pid", r.pid},
                {"stdout", r.stdout},
                {"stderr", r.stderr}};
}

}  // namespace internal

namespace {

using internal::resultProperties;

std::optional<Error> checkExecSyncError(const SpawnSyncResult& ret, const std::string& cmd) {
  if (ret.error) {
    Error err = *ret.error;
    Object info = err.info.isObject() ? err.info.asObject() : Object{};
    for (auto& [k, v] : resultProperties(ret)) info[k] = v;
    err.info = std::move(info);
    return err;
  }
  if (ret.status != 0) {
    std::string msg = "Command failed: " + cmd;
    std::string errText = ret.stderr.isBuffer()   ? ret.stderr.asBuffer().toString()
                          : ret.stderr.isString() ? ret.stderr.asString()
                                                  : "";
    if (!errText.empty()) msg += "\n" + errText;
    Error err(msg);
    err.info = resultProperties(ret);
    return err;
  }
  return std::nullopt;
}

void writeInheritedStderr(const SpawnSyncResult& ret) {
  if (ret.stderr.isBuffer() && !ret.stderr.asBuffer().empty()) {
    console::detail::writeErr(std::string(ret.stderr.asBuffer().view()));
  } else if (ret.stderr.isString() && !ret.stderr.asString().empty()) {
    console::detail::writeErr(ret.stderr.asString());
  }
}

}  // namespace

Value execFileSync(std::string_view file, std::vector<std::string> args, SpawnSyncOptions options) {
  bool inheritStderr = !options.stdio.isSet();
  std::string argv0 = options.argv0.value_or(std::string(file));
  std::vector<std::string> errArgs{argv0};
  errArgs.insert(errArgs.end(), args.begin(), args.end());
  SpawnSyncResult ret = spawnSync(file, std::move(args), std::move(options));
  if (inheritStderr) writeInheritedStderr(ret);
  if (auto err = checkExecSyncError(ret, join(errArgs, " "))) throw *err;
  return ret.stdout;
}

Value execSync(std::string_view command, SpawnSyncOptions options) {
  validateArgumentNullCheck(command, "command");
  if (!options.shell.isString()) options.shell = true;
  bool inheritStderr = !options.stdio.isSet();
  SpawnSyncResult ret = spawnSync(command, std::vector<std::string>(), std::move(options));
  if (inheritStderr) writeInheritedStderr(ret);
  if (auto err = checkExecSyncError(ret, std::string(command))) throw *err;
  return ret.stdout;
}

}  // namespace nodecc::child_process

// ---- the child's side: process.send & co (Node's _forkChild) -----------------------------------

namespace nodecc {

namespace {

using child_process::internal::Access;

struct ProcessIpc final : bindings::IpcChannel::Delegate,
                          Process::ListenerHook,
                          std::enable_shared_from_this<ProcessIpc> {
  Environment* env = nullptr;
  std::shared_ptr<bindings::IpcChannel> channel;
  child_process::Channel control;
  std::size_t counted = 0;

  EventEmitter& target() override { return env->process(); }
  std::shared_ptr<void> keepTarget() override { return shared_from_this(); }
  void emitMessage(std::string_view event, const Value& message,
                   const bindings::HandleObject& h) override {
    env->process().emit(event, message, child_process::SendHandle(h));
  }
  void convertReceived(const Value& message, bindings::ReceivedHandle h,
                       UniqueFunction<void(bindings::HandleObject)> done) override {
    child_process::internal::convertReceivedHandle(message, h, std::move(done));
  }
  void channelClosed() override {}
  void channelReleased() override {}

  // process.on('newListener' / 'removeListener') for 'message' and 'disconnect'.
  void changed(std::string_view) override {
    if (!channel) return;
    Process& p = env->process();
    std::size_t n = p.listenerCount("message") + p.listenerCount("disconnect");
    bool added = n > counted;
    while (counted < n) {
      ++counted;
      channel->refCounted();
    }
    while (counted > n) {
      --counted;
      channel->unrefCounted();
    }
    if (added) channel->onNewListener();
  }
};

thread_local std::shared_ptr<ProcessIpc> tlProcessIpc;

ProcessIpc* currentIpc() {
  Environment* e = Environment::current();
  if (!e || !tlProcessIpc || tlProcessIpc->env != e) return nullptr;
  return tlProcessIpc.get();
}

[[noreturn]] void notAFunction(const char* what) {
  Error e(std::string(what) + " is not a function");
  e.name = "TypeError";
  throw e;
}

}  // namespace

namespace detail {

void setupChildProcessIpcChannel(Environment& env) {
  std::optional<std::string> fdText = process::env.get("NODE_CHANNEL_FD");
  if (!fdText) return;
  // Not inherited by this process's own children.
  process::env.erase("NODE_CHANNEL_FD");
  std::string mode = process::env.get("NODE_CHANNEL_SERIALIZATION_MODE").value_or("json");
  process::env.erase("NODE_CHANNEL_SERIALIZATION_MODE");
  char* end = nullptr;
  long fd = std::strtol(fdText->c_str(), &end, 10);
  if (end == fdText->c_str() || fd < 0) return;
  if (mode != "json") {
    console::detail::writeErr("nodecc: NODE_CHANNEL_SERIALIZATION_MODE=" + mode +
                              " is not supported (only 'json'); no IPC channel\n");
    return;
  }
  auto* pipe = bindings::PipeWrap::create(env, true);
  if (pipe->open(static_cast<int>(fd)) != 0) {
    pipe->close();
    return;
  }
  pipe->unref();
  auto ipc = std::make_shared<ProcessIpc>();
  ipc->env = &env;
  ipc->channel = bindings::IpcChannel::create(pipe, ipc.get());
  Access::setChannel(ipc->control, ipc->channel);
  env.process().setIpcHook(ipc.get());
  ipc->changed("message");
  tlProcessIpc = ipc;
  env.addCleanupHook(Task([&env] {
    env.process().setIpcHook(nullptr);
    if (tlProcessIpc && tlProcessIpc->env == &env) {
      if (tlProcessIpc->channel) tlProcessIpc->channel->detach();
      tlProcessIpc.reset();
    }
  }));
}

}  // namespace detail

namespace process {

bool send(const Value& message, child_process::SendHandle handle,
          child_process::SendOptions options, child_process::SendCallback callback) {
  ProcessIpc* p = currentIpc();
  if (!p) notAFunction("process.send");
  bindings::IpcChannel::SendOptions so;
  so.keepOpen = options.keepOpen;
  return p->channel->send(message, child_process::internal::toOutgoing(handle), so,
                          std::move(callback));
}

bool connected() {
  ProcessIpc* p = currentIpc();
  return p && p->channel->connected();
}

void disconnect() {
  ProcessIpc* p = currentIpc();
  if (!p) notAFunction("process.disconnect");
  p->channel->disconnect();
}

child_process::Channel* channel() {
  ProcessIpc* p = currentIpc();
  return p && p->channel->open() ? &p->control : nullptr;
}

}  // namespace process

// ---- inspection
// ----------------------------------------------------------------------------------

namespace util {

std::string Inspector<child_process::SpawnSyncResult>::inspect(
    const child_process::SpawnSyncResult& r, InspectContext& ctx, int depth) {
  if (ctx.opts.depth >= 0 && depth > ctx.opts.depth) return "[Object]";
  std::vector<std::string> out;
  ctx.indentationLvl += 2;
  if (r.error) out.push_back("error: " + inspectAt(*r.error, ctx, depth + 1));
  Object props = child_process::internal::resultProperties(r);
  for (const auto& [k, v] : props)
    out.push_back(k + ": " + detail::inspectValue(v, ctx, depth + 1));
  ctx.indentationLvl -= 2;
  return detail::reduceToSingleString(ctx, std::move(out), "", "{", "}", false, depth, 0);
}

std::string Inspector<child_process::SendHandle>::inspect(const child_process::SendHandle& h,
                                                          InspectContext&, int) {
  if (!h) return "undefined";
  return h.socket() ? "[Socket]" : "[Server]";
}

}  // namespace util

}  // namespace nodecc
