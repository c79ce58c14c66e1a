// Node's stream core, transcribed from lib/internal/streams/{readable,writable,
// destroy,duplex}.js (Node 20). Comments name the JS functions mirrored.
#include "nodecc/stream.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <utility>

#include "nodecc/environment.h"
#include "nodecc/pool.h"
#include "nodecc/process.h"

namespace nodecc::stream {

// ---- state ------------------------------------------------------------------------------

namespace {
// Readable flags (Node's kState bits).
enum : std::uint32_t {
  rEnded = 1u << 0,
  rEndEmitted = 1u << 1,
  rReading = 1u << 2,
  rSync = 1u << 3,
  rNeedReadable = 1u << 4,
  rEmittedReadable = 1u << 5,
  rReadableListening = 1u << 6,
  rResumeScheduled = 1u << 7,
  rErrorEmitted = 1u << 8,
  rEmitClose = 1u << 9,
  rAutoDestroy = 1u << 10,
  rDestroyed = 1u << 11,
  rClosed = 1u << 12,
  rCloseEmitted = 1u << 13,
  rMultiAwaitDrain = 1u << 14,
  rReadingMore = 1u << 15,
  rDataEmitted = 1u << 16,
  rErrored = 1u << 17,
  rHasFlowing = 1u << 18,
  rFlowing = 1u << 19,
  rHasPaused = 1u << 20,
  rPaused = 1u << 21,
  rDataListening = 1u << 22,
  rDecoder = 1u << 23,
  rReadableFalse = 1u << 24,  // `readable: false` option
};
// Writable flags.
enum : std::uint32_t {
  wEnded = 1u << 0,
  wSync = 1u << 1,
  wErrorEmitted = 1u << 2,
  wEmitClose = 1u << 3,
  wAutoDestroy = 1u << 4,
  wDestroyed = 1u << 5,
  wClosed = 1u << 6,
  wCloseEmitted = 1u << 7,
  wFinalCalled = 1u << 8,
  wNeedDrain = 1u << 9,
  wEnding = 1u << 10,
  wFinished = 1u << 11,
  wWriting = 1u << 12,
  wBufferProcessing = 1u << 13,
  wPrefinished = 1u << 14,
  wAllNoop = 1u << 15,
  wErrored = 1u << 16,
  wExpectWriteCb = 1u << 17,
  wAfterWritePending = 1u << 18,
  wCorked = 1u << 19,
  wWritableFalse = 1u << 20,  // `writable: false` option
  wKeepStrings = 1u << 21,    // `decodeStrings: false`: strings count their JS length
};
}  // namespace

namespace {
// A FIFO one pointer wide that allocates nothing until the first push (std::deque
// allocates a map and a 512-byte block when constructed, ~1 KiB per stream; an empty
// vector with its head index is 32 bytes, in both states of every idle socket): a vector
// with a moving head, compacted when the consumed prefix dominates, held in a box made by
// the first push and kept (with its capacity) for the stream's life.
template <class T>
class Fifo {
 public:
  Fifo() = default;
  Fifo(Fifo&& o) noexcept : b_(std::move(o.b_)) {}
  Fifo& operator=(Fifo&& o) noexcept {
    b_ = std::move(o.b_);
    return *this;
  }
  bool empty() const noexcept { return !b_ || b_->head == b_->v.size(); }
  std::size_t size() const noexcept { return b_ ? b_->v.size() - b_->head : 0; }
  T& front() { return b_->v[b_->head]; }
  const T& front() const { return b_->v[b_->head]; }
  void push_back(T&& x) { box().v.push_back(std::move(x)); }
  void push_front(T&& x) {
    Box& b = box();
    if (b.head > 0) {
      b.v[--b.head] = std::move(x);
    } else {
      b.v.insert(b.v.begin(), std::move(x));
    }
  }
  void pop_front() {
    Box& b = *b_;
    b.v[b.head++] = T();
    if (b.head == b.v.size()) {
      b.v.clear();
      b.head = 0;
    } else if (b.head >= 16 && b.head * 2 >= b.v.size()) {
      b.v.erase(b.v.begin(), b.v.begin() + static_cast<std::ptrdiff_t>(b.head));
      b.head = 0;
    }
  }
  void clear() noexcept {
    if (!b_) return;
    b_->v.clear();
    b_->head = 0;
  }
  T* begin() { return b_ ? b_->v.data() + b_->head : nullptr; }
  T* end() { return b_ ? b_->v.data() + b_->v.size() : nullptr; }
  const T* begin() const { return b_ ? b_->v.data() + b_->head : nullptr; }
  const T* end() const { return b_ ? b_->v.data() + b_->v.size() : nullptr; }

 private:
  struct Box {
    std::vector<T> v;
    std::size_t head = 0;
  };
  Box& box() {
    if (!b_) b_ = std::make_unique<Box>();
    return *b_;
  }
  std::unique_ptr<Box> b_;
};
// A stream's stored error: boxed, since an Error is ~300 bytes and almost never set.
class BoxedError {
 public:
  explicit operator bool() const noexcept { return p_ != nullptr; }
  const Error& operator*() const noexcept { return *p_; }
  BoxedError& operator=(const Error& e) {
    p_ = std::make_unique<Error>(e);
    return *this;
  }
  BoxedError& operator=(const std::optional<Error>& e) {
    if (e)
      p_ = std::make_unique<Error>(*e);
    else
      p_.reset();
    return *this;
  }
  operator std::optional<Error>() const {  // NOLINT: reads like the optional it replaces
    return p_ ? std::optional<Error>(*p_) : std::nullopt;
  }
  std::optional<Error> get() const { return *this; }

 private:
  std::unique_ptr<Error> p_;
};
}  // namespace

// One per Readable (one per HTTP request): from the small-object pool.
struct Stream::ReadableState : nodecc::detail::Pooled {
  std::uint32_t f = rEmitClose | rAutoDestroy | rSync;
  std::size_t highWaterMark = 16384;
  Fifo<Buffer> buffer;
  std::size_t length = 0;
  struct Pipe {
    std::shared_ptr<PipeDest> target;  // holds the destination while piped
    std::shared_ptr<void> ctx;         // the pipe's listeners (PipeCtx), alive while piped
    EventEmitter* dest() const noexcept { return &target->emitter(); }
  };
  // pipe(): boxed, since most readables (sockets, request bodies) are never piped.
  struct Piping {
    std::vector<Pipe> pipes;
    EventEmitter* awaitDrainWriter = nullptr;      // single-pipe case
    std::vector<EventEmitter*> awaitDrainWriters;  // kMultiAwaitDrain case
  };
  std::unique_ptr<Piping> piping;
  Piping& pipingState() {
    if (!piping) piping = std::make_unique<Piping>();
    return *piping;
  }
  std::size_t pipeCount() const noexcept { return piping ? piping->pipes.size() : 0; }
  bool awaitingDrainOfMany() const noexcept { return piping && !piping->awaitDrainWriters.empty(); }
  EventEmitter* awaitDrainWriter() const noexcept {
    return piping ? piping->awaitDrainWriter : nullptr;
  }
  void clearAwaitDrain() noexcept {
    if (!piping) return;
    piping->awaitDrainWriter = nullptr;
    piping->awaitDrainWriters.clear();
  }
  // setEncoding(): boxed, since most readables (sockets, request bodies) never decode.
  struct Decoding {
    explicit Decoding(std::string_view enc) : decoder(enc), encoding(decoder.encoding()) {}
    StringDecoder decoder;
    std::string encoding;  // the normalized name (readableEncoding)
  };
  std::unique_ptr<Decoding> dec;  // set with rDecoder
  BoxedError errored;
};

namespace {
// encoding::normalize's names, for a Writable's default encoding (an index in its state).
constexpr std::string_view kWritableEncodings[] = {"utf8",   "hex",   "base64", "base64url",
                                                   "latin1", "ascii", "utf16le"};
}  // namespace

struct Stream::WritableState {
  // Ordered to pack: every socket carries one.
  std::uint32_t f = wSync | wEmitClose | wAutoDestroy | wAllNoop;
  int corked = 0;
  int pendingcb = 0;
  std::uint8_t defaultEncodingIndex = 0;  // in kWritableEncodings
  std::size_t highWaterMark = 16384;
  std::size_t length = 0;
  std::size_t writelen = 0;
  // Set by write(string) on a decodeStrings: false stream for the chunk it passes on.
  std::size_t nextUnits = npos;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::string_view defaultEncoding() const noexcept {
    return kWritableEncodings[defaultEncodingIndex];
  }
  void setDefaultEncoding(std::string_view normalized) noexcept {
    for (std::uint8_t i = 0; i < std::size(kWritableEncodings); ++i)
      if (kWritableEncodings[i] == normalized) defaultEncodingIndex = i;
  }
  BoxedError errored;
  struct Entry {
    Buffer chunk;
    Callback callback;
    std::size_t units;  // what the chunk counts in `length` (bytes, or a string's JS length)
  };
  Fifo<Entry> buffered;
  // The callback of the write in flight and end()'s callbacks waiting for 'finish': boxed
  // by the first that needs them (an idle socket, and a stream written without callbacks,
  // never make the box).
  struct Callbacks {
    Callback writecb;
    std::vector<Callback> onFinished;
  };
  std::unique_ptr<Callbacks> cbs;
  void setWritecb(Callback cb) {
    if (cbs)
      cbs->writecb = std::move(cb);
    else if (cb)
      cbs = std::make_unique<Callbacks>(Callbacks{std::move(cb), {}});
  }
  Callback takeWritecb() {
    if (!cbs) return Callback();
    Callback cb = std::move(cbs->writecb);
    cbs->writecb = Callback();
    return cb;
  }
  bool hasFinishedCallbacks() const noexcept { return cbs && !cbs->onFinished.empty(); }
  void addFinishedCallback(Callback cb) {
    if (!cbs) cbs = std::make_unique<Callbacks>();
    cbs->onFinished.push_back(std::move(cb));
  }
  std::vector<Callback> takeFinishedCallbacks() {
    return cbs ? std::exchange(cbs->onFinished, {}) : std::vector<Callback>();
  }
};

// ---- Stream (destroy.js) ---------------------------------------------------------------------

Stream::Stream() = default;
Stream::~Stream() = default;

std::shared_ptr<EventEmitter> Stream::keepAlive() {
  // shared_from_this() locks the emitter's own weak reference; weak_from_this().lock() would
  // copy it first (two more atomic updates). A stream with no owner is the rare case.
  try {
    return shared_from_this();
  } catch (const std::bad_weak_ptr&) {
    return nullptr;
  }
}

std::shared_ptr<void> Stream::releaseForTeardown() {
  std::unique_ptr<Callback> pending = std::move(destroyCb_);
  return EventEmitter::releaseForTeardown();
}

bool Stream::destroyed() const noexcept {
  // Duplex: both sides; otherwise the one side.
  if (rs_ && ws_) return (rs_->f & rDestroyed) && (ws_->f & wDestroyed);
  if (rs_) return rs_->f & rDestroyed;
  if (ws_) return ws_->f & wDestroyed;
  return false;
}

std::optional<Error> Stream::errored() const {
  if (ws_ && ws_->errored) return ws_->errored;
  if (rs_ && rs_->errored) return rs_->errored;
  return std::nullopt;
}

bool Stream::closed() const noexcept {
  if (ws_) return ws_->f & wClosed;
  if (rs_) return rs_->f & rClosed;
  return false;
}

namespace {
void checkError(const std::optional<Error>& err, Stream::WritableState* w,
                Stream::ReadableState* r) {
  if (!err) return;
  if (w && !w->errored) w->errored = err;
  if (r && !r->errored) r->errored = err;
  if (w) w->f |= wErrored;
  if (r) r->f |= rErrored;
}
}  // namespace

Stream& Stream::destroy(std::optional<Error> err, Callback cb) {
  ReadableState* r = rs_.get();
  WritableState* w = ws_.get();
  if ((w && (w->f & wDestroyed)) || (r && (r->f & rDestroyed))) {
    if (cb) cb(std::nullopt);
    return *this;
  }
  checkError(err, w, r);
  if (w && !r && (!w->buffered.empty() || w->hasFinishedCallbacks())) {
    // Writable.prototype.destroy: the buffered writes' and end()'s callbacks hear
    // ERR_STREAM_DESTROYED on the next tick (unless a write in flight settles them first).
    // A Duplex keeps Readable.prototype.destroy, which does not.
    if (auto self = keepAlive()) {
      auto* writable = dynamic_cast<Writable*>(this);
      nextTick([writable, self] { writable->errorBuffer(); });
    }
  }
  if (w) w->f |= wDestroyed;
  if (r) r->f |= rDestroyed;
  destroyImpl(std::move(err), std::move(cb));
  return *this;
}

void Stream::destroyImpl(std::optional<Error> err, Callback cb) {
  // The state lives on the stream (destroy runs once), so the callback handed to _destroy
  // is two pointers wide and nothing is allocated.
  if (cb) destroyCb_ = std::make_unique<Callback>(std::move(cb));
  auto self = keepAlive();
  try {
    _destroy(std::move(err),
             Callback([this, self](std::optional<Error> e) { destroyDone(std::move(e)); }));
  } catch (const ProcessExit&) {
    throw;
  } catch (...) {
    destroyDone(errors::fromException(std::current_exception()));
  }
}

void Stream::destroyDone(std::optional<Error> e) {
  if (closed()) return;  // _destroy's callback may be called more than once
  auto self = keepAlive();
  checkError(e, ws_.get(), rs_.get());
  if (ws_) ws_->f |= wClosed;
  if (rs_) rs_->f |= rClosed;
  if (destroyCb_) {
    std::unique_ptr<Callback> userCb = std::move(destroyCb_);
    (*userCb)(e);
  }
  if (e) {
    nextTick([this, self, e = std::move(*e)] {
      emitErrorNT(e);
      emitCloseNT();
    });
  } else {
    nextTick([this, self] { emitCloseNT(); });
  }
}

void Stream::_destroy(std::optional<Error> err, Callback cb) { cb(std::move(err)); }

void Stream::emitCloseNT() {
  if (ws_) ws_->f |= wCloseEmitted;
  if (rs_) rs_->f |= rCloseEmitted;
  if ((ws_ && (ws_->f & wEmitClose)) || (rs_ && (rs_->f & rEmitClose))) emit("close");
  afterClose();
}

void Stream::emitErrorNT(const Error& err) {
  if ((ws_ && (ws_->f & wErrorEmitted)) || (rs_ && (rs_->f & rErrorEmitted))) return;
  if (ws_) ws_->f |= wErrorEmitted;
  if (rs_) rs_->f |= rErrorEmitted;
  emit("error", err);
}

void Stream::errorOrDestroy(Error err, bool sync) {
  ReadableState* r = rs_.get();
  WritableState* w = ws_.get();
  if ((w && (w->f & wDestroyed)) || (r && (r->f & rDestroyed))) return;
  if ((r && (r->f & rAutoDestroy)) || (w && (w->f & wAutoDestroy))) {
    destroy(std::move(err));
    return;
  }
  if (w && !(w->f & wErrored)) {
    w->errored = err;
    w->f |= wErrored;
  }
  if (r && !(r->f & rErrored)) {
    r->errored = err;
    r->f |= rErrored;
  }
  if (sync) {
    auto self = keepAlive();
    nextTick([this, self, err] { emitErrorNT(err); });
  } else {
    emitErrorNT(err);
  }
}

// ---- Readable (readable.js) -------------------------------------------------------------------

Readable::Readable(Options opts) {
  presetEvents(PresetEvents::kReadable);  // Node's constructor presets this._events
  if (opts.read)
    readFn_ = std::make_unique<std::function<void(Readable&, std::size_t)>>(std::move(opts.read));
  rs_ = std::make_unique<ReadableState>();
  rs_->highWaterMark = opts.highWaterMark;
  if (!opts.emitClose) rs_->f &= ~rEmitClose;
  if (!opts.autoDestroy) rs_->f &= ~rAutoDestroy;
  if (!opts.encoding.empty()) {
    rs_->dec = std::make_unique<ReadableState::Decoding>(opts.encoding);
    rs_->f |= rDecoder;
  }
}

Readable::~Readable() = default;

const nodecc::detail::SigInfo* Readable::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "data") {
    return (rs_->f & rDecoder) ? &SigOf<std::string>::info : &SigOf<Buffer>::info;
  }
  if (event == "error") return &SigOf<Error>::info;
  if (event == "end" || event == "readable" || event == "pause" || event == "resume" ||
      event == "close")
    return &SigOf<>::info;
  return nullptr;
}

std::shared_ptr<void> Readable::releaseForTeardown() {
  ReadableState& s = *rs_;
  auto piping = std::move(s.piping);  // freed on return, after the release
  return Stream::releaseForTeardown();
}

void Readable::_read(std::size_t size) {
  if (readFn_) {
    (*readFn_)(*this, size);
    return;
  }
  throw errors::error("ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented");
}

bool Readable::push(Buffer chunk) { return addChunkPush(std::move(chunk)); }

bool Readable::push(std::string_view chunk, std::string_view encoding) {
  // A string whose encoding name is the stream's own (exactly, as Node compares them) is
  // kept as text; otherwise it becomes bytes (decoded again when there is a decoder).
  std::string_view enc = encoding.empty() ? std::string_view("utf8") : encoding;
  if ((rs_->f & rDecoder) && enc == rs_->dec->encoding)
    return addChunkPush(Buffer::copyOf(chunk.data(), chunk.size()), true);
  return addChunkPush(Buffer::from(chunk, enc));
}

bool Readable::push(std::nullptr_t) {
  rs_->f &= ~rReading;
  onEofChunk();
  return false;
}

namespace {
bool canPushMore(const Stream::ReadableState& s) {
  return !(s.f & rEnded) && (s.length < s.highWaterMark || s.length == 0);
}
// A JS string's length from its UTF-8 form.
std::size_t jsLength(std::string_view utf8) {
  std::size_t u = 0;
  for (unsigned char c : utf8) u += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  return u;
}
// With a decoder, Node's buffer holds JS strings and every length (readableLength, the
// highWaterMark checks, read(n)) counts UTF-16 code units. Ours holds the decoded UTF-8.
std::size_t utf16Units(const Buffer& b) { return jsLength(b.view()); }
// write()/end() of a string: on a decodeStrings: false stream the chunk passed on counts
// the string's JS length (writeOrBuffer takes it from nextUnits).
template <class F>
decltype(auto) countingJsLength(Stream::WritableState& s, std::string_view text, F&& call) {
  if (!(s.f & wKeepStrings)) return call();
  s.nextUnits = jsLength(text);
  struct Reset {
    Stream::WritableState& s;
    ~Reset() { s.nextUnits = Stream::WritableState::npos; }
  } reset{s};
  return call();
}
// The bytes of the first `units` UTF-16 code units of decoded text; a surrogate pair is not
// split (JS would cut it in two), so `units` says what was taken.
std::size_t utf8Prefix(const Buffer& b, std::size_t& units) {
  const std::uint8_t* p = b.data();
  std::size_t i = 0, u = 0;
  while (i < b.length() && u < units) {
    std::uint8_t c = p[i];
    std::size_t size = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    u += size == 4 ? 2 : 1;
    i += size;
  }
  units = u;
  return std::min(i, b.length());
}
}  // namespace

// readableAddChunkPushByteMode
bool Readable::addChunkPush(Buffer chunk, bool isText) {
  ReadableState& s = *rs_;
  if (chunk.length() == 0) {
    s.f &= ~rReading;
    maybeReadMore();
    return canPushMore(s);
  }
  if (s.f & rEnded) {
    errorOrDestroy(errors::error("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"));
    return false;
  }
  if (s.f & (rDestroyed | rErrored)) return false;
  s.f &= ~rReading;
  if ((s.f & rDecoder) && !isText) {
    std::string text = s.dec->decoder.write(chunk);
    if (text.empty()) {
      maybeReadMore();
      return canPushMore(s);
    }
    chunk = Buffer::copyOf(text.data(), text.size());
  }
  addChunk(std::move(chunk), false);
  return canPushMore(s);
}

bool Readable::unshift(Buffer chunk) {
  ReadableState& s = *rs_;
  if (chunk.length() == 0) return canPushMore(s);
  if (s.f & rEndEmitted) {
    errorOrDestroy(
        errors::error("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event"));
  } else if (s.f & (rDestroyed | rErrored)) {
    return false;
  } else {
    addChunk(std::move(chunk), true);
  }
  return canPushMore(s);
}

void Readable::emitData(Buffer chunk) {
  ReadableState& s = *rs_;
  s.f |= rDataEmitted;
  if (s.f & rDecoder) {
    emit("data", std::string(chunk.view()));
  } else {
    emit("data", chunk);
  }
}

// addChunk
void Readable::addChunk(Buffer chunk, bool addToFront) {
  ReadableState& s = *rs_;
  if ((s.f & (rFlowing | rSync | rDataListening)) == (rFlowing | rDataListening) && s.length == 0) {
    s.clearAwaitDrain();
    emitData(std::move(chunk));
  } else {
    s.length += (s.f & rDecoder) ? utf16Units(chunk) : chunk.length();
    if (addToFront)
      s.buffer.push_front(std::move(chunk));
    else
      s.buffer.push_back(std::move(chunk));
    if (s.f & rNeedReadable) emitReadable();
  }
  maybeReadMore();
}

bool Readable::isPaused() const noexcept {
  const ReadableState& s = *rs_;
  return (s.f & rPaused) || (s.f & (rHasFlowing | rFlowing)) == rHasFlowing;
}

Readable& Readable::setEncoding(std::string_view enc) {
  ReadableState& s = *rs_;
  // Text already buffered under an earlier decoder stays as it is (a StringDecoder passes
  // strings through); only raw bytes are decoded.
  const bool hadDecoder = s.f & rDecoder;
  s.dec = std::make_unique<ReadableState::Decoding>(enc);
  s.f |= rDecoder;
  std::string content;
  for (const auto& b : s.buffer)
    content += hadDecoder ? std::string(b.view()) : s.dec->decoder.write(b);
  s.buffer.clear();
  s.length = 0;
  if (!content.empty()) {
    Buffer text = Buffer::copyOf(content.data(), content.size());
    s.length = utf16Units(text);
    s.buffer.push_back(std::move(text));
  }
  return *this;
}

std::size_t Readable::howMuchToRead(std::optional<std::size_t> n) const {
  const ReadableState& s = *rs_;
  if ((n && *n == 0) || (s.length == 0 && (s.f & rEnded))) return 0;
  if (!n) {
    if ((s.f & rFlowing) && s.length)
      return (s.f & rDecoder) ? utf16Units(s.buffer.front()) : s.buffer.front().length();
    return s.length;
  }
  if (*n <= s.length) return *n;
  return (s.f & rEnded) ? s.length : 0;
}

std::optional<Buffer> Readable::read(std::optional<std::size_t> nArg) {
  ReadableState& s = *rs_;
  std::optional<std::size_t> nOrig = nArg;
  if (nArg && *nArg > s.highWaterMark) {
    if (*nArg > 0x40000000) throw errors::outOfRange("size", "<= 1GiB", std::to_string(*nArg));
    std::size_t v = *nArg - 1;
    for (int sh = 1; sh <= 16; sh <<= 1) v |= v >> sh;
    s.highWaterMark = v + 1;
  }
  if (!nArg || *nArg != 0) s.f &= ~rEmittedReadable;
  if (nArg && *nArg == 0 && (s.f & rNeedReadable) &&
      ((s.highWaterMark != 0 ? s.length >= s.highWaterMark : s.length > 0) || (s.f & rEnded))) {
    if (s.length == 0 && (s.f & rEnded))
      endReadable();
    else
      emitReadable();
    return std::nullopt;
  }
  std::size_t n = howMuchToRead(nArg);
  if (n == 0 && (s.f & rEnded)) {
    if (s.length == 0) endReadable();
    return std::nullopt;
  }
  bool doRead = (s.f & rNeedReadable) != 0;
  if (s.length == 0 || s.length - n < s.highWaterMark) doRead = true;
  if (s.f & (rReading | rEnded | rDestroyed | rErrored)) {
    doRead = false;
  } else if (doRead) {
    s.f |= rReading | rSync;
    if (s.length == 0) s.f |= rNeedReadable;
    try {
      _read(s.highWaterMark);
    } catch (const ProcessExit&) {
      throw;
    } catch (...) {
      errorOrDestroy(errors::fromException(std::current_exception()));
    }
    s.f &= ~rSync;
    if (!(s.f & rReading)) n = howMuchToRead(nOrig);
  }
  std::optional<Buffer> ret;
  if (n > 0) ret = fromList(n);
  if (!ret) {
    if (s.length <= s.highWaterMark) s.f |= rNeedReadable;
    n = 0;
  } else {
    s.length -= n;
    s.clearAwaitDrain();
  }
  if (s.length == 0) {
    if (!(s.f & rEnded)) s.f |= rNeedReadable;
    bool origDiffers = !nOrig || *nOrig != n;
    if (origDiffers && (s.f & rEnded)) endReadable();
  }
  if (ret && !(s.f & (rErrorEmitted | rCloseEmitted))) emitData(*ret);
  return ret;
}

// fromList
std::optional<Buffer> Readable::fromList(std::size_t& n) {
  ReadableState& s = *rs_;
  if (s.length == 0) return std::nullopt;
  Buffer ret;
  if ((s.f & rDecoder) && n < s.length) {
    // n UTF-16 code units of text off the front.
    std::vector<Buffer> parts;
    std::size_t taken = 0;
    while (taken < n && !s.buffer.empty()) {
      Buffer& data = s.buffer.front();
      std::size_t units = utf16Units(data);
      if (units <= n - taken) {
        taken += units;
        parts.push_back(std::move(data));
        s.buffer.pop_front();
      } else {
        std::size_t want = n - taken;
        std::size_t bytes = utf8Prefix(data, want);
        taken += want;
        parts.push_back(data.subarray(0, static_cast<std::ptrdiff_t>(bytes)));
        data = data.subarray(static_cast<std::ptrdiff_t>(bytes));
        if (data.length() == 0) s.buffer.pop_front();
      }
    }
    n = taken;
    return parts.size() == 1 ? std::move(parts[0]) : Buffer::concat(std::span<const Buffer>(parts));
  }
  if (n >= s.length) {
    if (s.buffer.size() == 1) {
      ret = std::move(s.buffer.front());
    } else {
      ret = Buffer::concat(
          std::span<const Buffer>(std::vector<Buffer>(s.buffer.begin(), s.buffer.end())));
    }
    s.buffer.clear();
  } else if (n < s.buffer.front().length()) {
    ret = s.buffer.front().subarray(0, static_cast<std::ptrdiff_t>(n));
    s.buffer.front() = s.buffer.front().subarray(static_cast<std::ptrdiff_t>(n));
  } else if (n == s.buffer.front().length()) {
    ret = std::move(s.buffer.front());
    s.buffer.pop_front();
  } else {
    ret = Buffer::allocUnsafe(n);
    std::size_t off = 0;
    while (off < n) {
      Buffer& data = s.buffer.front();
      std::size_t take = std::min(n - off, data.length());
      std::memcpy(ret.data() + off, data.data(), take);
      off += take;
      if (take == data.length())
        s.buffer.pop_front();
      else
        data = data.subarray(static_cast<std::ptrdiff_t>(take));
    }
  }
  return ret;
}

// onEofChunk
void Readable::onEofChunk() {
  ReadableState& s = *rs_;
  if (s.f & rEnded) return;
  if (s.f & rDecoder) {
    std::string rest = s.dec->decoder.end();
    if (!rest.empty()) {
      Buffer text = Buffer::copyOf(rest.data(), rest.size());
      s.length += utf16Units(text);
      s.buffer.push_back(std::move(text));
    }
  }
  s.f |= rEnded;
  if (s.f & rSync) {
    emitReadable();
  } else {
    s.f &= ~rNeedReadable;
    s.f |= rEmittedReadable;
    emitReadableNT();
  }
}

// emitReadable
void Readable::emitReadable() {
  ReadableState& s = *rs_;
  s.f &= ~rNeedReadable;
  if (!(s.f & rEmittedReadable)) {
    s.f |= rEmittedReadable;
    auto self = keepAlive();
    nextTick([this, self] { emitReadableNT(); });
  }
}

// emitReadable_
void Readable::emitReadableNT() {
  ReadableState& s = *rs_;
  if (!(s.f & (rDestroyed | rErrored)) && (s.length || (s.f & rEnded))) {
    emit("readable");
    s.f &= ~rEmittedReadable;
  }
  if (!(s.f & (rFlowing | rEnded)) && s.length <= s.highWaterMark) s.f |= rNeedReadable;
  flow();
}

// maybeReadMore
void Readable::maybeReadMore() {
  ReadableState& s = *rs_;
  if (!(s.f & rReadingMore)) {
    s.f |= rReadingMore;
    auto self = keepAlive();
    nextTick([this, self] { maybeReadMoreNT(); });
  }
}

void Readable::maybeReadMoreNT() {
  ReadableState& s = *rs_;
  while (!(s.f & (rReading | rEnded)) &&
         (s.length < s.highWaterMark || ((s.f & rFlowing) && s.length == 0))) {
    std::size_t len = s.length;
    read(0);
    if (len == s.length) break;
  }
  s.f &= ~rReadingMore;
}

void Readable::setReadingMore(bool v) noexcept {
  if (v)
    rs_->f |= rReadingMore;
  else
    rs_->f &= ~rReadingMore;
}

bool Readable::resumeScheduled() const noexcept { return rs_->f & rResumeScheduled; }

// Readable.prototype.on / removeListener hooks
void Readable::listenerAdded(std::string_view ev) {
  ReadableState& s = *rs_;
  if (ev == "data") {
    s.f |= rDataListening;
    if (listenerCount("readable") > 0) s.f |= rReadableListening;
    if ((s.f & (rHasFlowing | rFlowing)) != rHasFlowing) resume();
  } else if (ev == "readable") {
    if (!(s.f & (rEndEmitted | rReadableListening))) {
      s.f |= rReadableListening | rNeedReadable | rHasFlowing;
      s.f &= ~(rFlowing | rEmittedReadable);
      if (s.length) {
        emitReadable();
      } else if (!(s.f & rReading)) {
        auto self = keepAlive();
        nextTick([this, self] { read(0); });
      }
    }
  }
}

void Readable::listenerRemoved(std::string_view ev) {
  ReadableState& s = *rs_;
  if (ev == "readable") {
    auto self = keepAlive();
    nextTick([this, self] { updateReadableListening(); });
  } else if (ev == "data" && listenerCount("data") == 0 && !bulkRemoval()) {
    // (Node clears the flag in its removeListener override only, which a
    // removeAllListeners without 'removeListener' listeners never calls.)
    s.f &= ~rDataListening;
  }
}

// Readable.prototype.removeAllListeners
void Readable::allListenersRemoved(std::optional<std::string_view> ev) {
  // (Skipped once destroyed: the library's own release of a closed stream's listeners
  // comes here too, and Node has no such call.)
  if ((!ev || *ev == "readable") && !(rs_->f & rDestroyed)) {
    auto self = keepAlive();
    if (self) nextTick([this, self] { updateReadableListening(); });
  }
}

void Readable::updateReadableListening() {
  ReadableState& s = *rs_;
  if (listenerCount("readable") > 0)
    s.f |= rReadableListening;
  else
    s.f &= ~rReadableListening;
  if ((s.f & (rHasPaused | rPaused | rResumeScheduled)) == (rHasPaused | rResumeScheduled)) {
    s.f |= rHasFlowing | rFlowing;
  } else if (s.f & rDataListening) {
    resume();
  } else if (!(s.f & rReadableListening)) {
    s.f &= ~(rHasFlowing | rFlowing);
  }
}

Readable& Readable::resume() {
  ReadableState& s = *rs_;
  if (!(s.f & rFlowing)) {
    s.f |= rHasFlowing;
    if (!(s.f & rReadableListening))
      s.f |= rFlowing;
    else
      s.f &= ~rFlowing;
    resumeScheduled();
  }
  s.f |= rHasPaused;
  s.f &= ~rPaused;
  return *this;
}

void Readable::resumeScheduled() {
  ReadableState& s = *rs_;
  if (!(s.f & rResumeScheduled)) {
    s.f |= rResumeScheduled;
    auto self = keepAlive();
    nextTick([this, self] { resumeNT(); });
  }
}

void Readable::resumeNT() {
  ReadableState& s = *rs_;
  if (!(s.f & rReading)) read(0);
  s.f &= ~rResumeScheduled;
  emit("resume");
  flow();
  if ((s.f & (rFlowing | rReading)) == rFlowing) read(0);
}

Readable& Readable::pause() {
  ReadableState& s = *rs_;
  if ((s.f & (rHasFlowing | rFlowing)) != rHasFlowing) {
    s.f |= rHasFlowing;
    s.f &= ~rFlowing;
    emit("pause");
  }
  s.f |= rHasPaused | rPaused;
  return *this;
}

void Readable::flow() {
  ReadableState& s = *rs_;
  while ((s.f & rFlowing) && read().has_value()) {
  }
}

void Readable::endReadable() {
  ReadableState& s = *rs_;
  if (!(s.f & rEndEmitted)) {
    s.f |= rEnded;
    auto self = keepAlive();
    nextTick([this, self] { endReadableNT(); });
  }
}

void Readable::endReadableNT() {
  ReadableState& s = *rs_;
  if (!(s.f & (rErrored | rCloseEmitted | rEndEmitted)) && s.length == 0) {
    s.f |= rEndEmitted;
    emit("end");
    // Only a Duplex has both sides (skip the casts for the plain Readables).
    auto* w = ws_ ? dynamic_cast<Writable*>(this) : nullptr;
    auto* d = w ? dynamic_cast<Duplex*>(this) : nullptr;
    if (w && w->writable() && d && !d->allowHalfOpen) {
      auto self = keepAlive();
      nextTick([w, self] {
        // endWritableNT
        if (w->writable() && !w->writableEnded() && !w->destroyed()) w->end();
      });
    } else if (s.f & rAutoDestroy) {
      WritableState* ws = ws_.get();
      bool autoDestroy =
          !ws || ((ws->f & wAutoDestroy) && ((ws->f & wFinished) || (ws->f & wWritableFalse)));
      if (autoDestroy) destroy();
    }
  }
}

bool Readable::readable() const noexcept {
  const ReadableState& s = *rs_;
  return !(s.f & rReadableFalse) && !(s.f & rDestroyed) && !(s.f & rErrorEmitted) &&
         !(s.f & rEndEmitted);
}
bool Readable::readableEnded() const noexcept { return rs_->f & rEndEmitted; }
std::optional<bool> Readable::readableFlowing() const noexcept {
  if (!(rs_->f & rHasFlowing)) return std::nullopt;
  return (rs_->f & rFlowing) != 0;
}
std::size_t Readable::readableLength() const noexcept { return rs_->length; }
std::size_t Readable::readableHighWaterMark() const noexcept { return rs_->highWaterMark; }
std::string Readable::readableEncoding() const {
  return rs_->dec ? rs_->dec->encoding : std::string();
}
bool Readable::readableAborted() const noexcept {
  return (rs_->f & (rDestroyed | rErrored)) && !(rs_->f & rEndEmitted);
}
bool Readable::readableDidRead() const noexcept { return rs_->f & rDataEmitted; }

// ---- pipe --------------------------------------------------------------------------------------

namespace {
struct PipeCtx {
  Listener onunpipe, onend, ondata, onerror, onclose, onfinish, ondrain, unpipeL;
  bool cleanedUp = false;
};
}  // namespace

void Readable::pipeImpl(std::shared_ptr<PipeDest> target, PipeOptions opts) {
  ReadableState& s = *rs_;
  ReadableState::Piping& piping = s.pipingState();
  if (piping.pipes.size() == 1 && !(s.f & rMultiAwaitDrain)) {
    s.f |= rMultiAwaitDrain;
    if (piping.awaitDrainWriter) piping.awaitDrainWriters.push_back(piping.awaitDrainWriter);
    piping.awaitDrainWriter = nullptr;
  }
  EventEmitter* d = &target->emitter();  // the destination's identity and events
  // Listeners that use the destination's methods hold `t`: a cycle through the destination's
  // own listeners until the pipe's cleanup removes them (or the Environment's teardown).
  std::shared_ptr<PipeDest> t = target;
  auto ctx = std::make_shared<PipeCtx>();
  piping.pipes.push_back({std::move(target), ctx});    // the context lives until the unpipe
  std::shared_ptr<EventEmitter> srcRef = keepAlive();  // dest's listeners keep src alive, as in JS
  std::weak_ptr<PipeCtx> wctx = ctx;
  Readable* src = this;

  auto cleanup = [wctx, src, d, t]() {
    auto c = wctx.lock();
    if (!c) return;
    d->removeListener("close", c->onclose);
    d->removeListener("finish", c->onfinish);
    if (c->ondrain) d->removeListener("drain", c->ondrain);
    d->removeListener("error", c->onerror);
    d->removeListener("unpipe", c->onunpipe);
    src->removeListener("end", c->onend);
    src->removeListener("end", c->unpipeL);
    src->removeListener("data", c->ondata);
    c->cleanedUp = true;
    ReadableState& st = *src->rs_;
    // Node: `state.awaitDrainWriters && dest._writableState.needDrain`: the Set of the
    // multi-pipe case is truthy even when empty, and needDrain is the raw flag (still set
    // on a destination destroyed while the source waits for its 'drain').
    bool awaiting = st.awaitDrainWriter() || (st.f & rMultiAwaitDrain);
    if (c->ondrain && awaiting && t->rawNeedDrain()) {
      c->ondrain->invoke(nullptr);
    }
  };
  auto unpipe = [src, d]() { src->unpipe(d); };

  ctx->unpipeL = makeListener([unpipe]() { unpipe(); });
  ctx->onend = makeListener([t]() { t->end(); });
  ctx->onunpipe = makeListener([src, cleanup, srcRef](Readable* readable) {
    if (readable == src) cleanup();
  });
  auto pauseFn = [wctx, src, d]() {
    auto c = wctx.lock();
    if (!c) return;
    ReadableState& st = *src->rs_;
    if (!c->cleanedUp) {
      const std::size_t n = st.pipeCount();
      if (n == 1 && st.piping->pipes[0].dest() == d) {
        st.piping->awaitDrainWriter = d;
        st.f &= ~rMultiAwaitDrain;
      } else if (n > 1 && std::any_of(st.piping->pipes.begin(), st.piping->pipes.end(),
                                      [d](auto& p) { return p.dest() == d; })) {
        st.piping->awaitDrainWriters.push_back(d);
      }
      src->pause();
    }
    if (!c->ondrain) {
      // pipeOnDrain
      c->ondrain = makeListener([src, d, srcRef = src->keepAlive()]() {
        ReadableState& st2 = *src->rs_;
        if (st2.awaitDrainWriter() == d) {
          st2.piping->awaitDrainWriter = nullptr;
        } else if ((st2.f & rMultiAwaitDrain) && st2.piping) {
          auto& v = st2.piping->awaitDrainWriters;
          v.erase(std::remove(v.begin(), v.end(), d), v.end());
        }
        if (!st2.awaitDrainWriter() && !st2.awaitingDrainOfMany() && (st2.f & rDataListening)) {
          src->resume();
        }
      });
      d->on("drain", c->ondrain);
    }
  };
  if (s.f & rDecoder) {
    ctx->ondata = makeListener([t, pauseFn](const std::string& chunk) {
      if (!t->write(std::string_view(chunk))) pauseFn();
    });
  } else {
    ctx->ondata = makeListener([t, pauseFn](const Buffer& chunk) {
      if (!t->write(chunk)) pauseFn();
    });
  }
  ctx->onerror = makeListener([wctx, d, t, unpipe, srcRef](const Error& er) {
    auto c = wctx.lock();
    unpipe();
    if (c) d->removeListener("error", c->onerror);
    if (d->listenerCount("error") == 0) t->unhandledError(er);
  });
  ctx->onclose = makeListener([wctx, d, unpipe, srcRef]() {
    auto c = wctx.lock();
    if (c) d->removeListener("finish", c->onfinish);
    unpipe();
  });
  ctx->onfinish = makeListener([wctx, d, unpipe, srcRef]() {
    auto c = wctx.lock();
    if (c) d->removeListener("close", c->onclose);
    unpipe();
  });

  Listener endFn = opts.end ? ctx->onend : ctx->unpipeL;
  if (s.f & rEndEmitted) {
    nextTick([endFn]() { endFn->invoke(nullptr); });
  } else {
    once("end", endFn);
  }
  d->on("unpipe", ctx->onunpipe);
  on("data", ctx->ondata);
  d->prependListener("error", ctx->onerror);
  d->once("close", ctx->onclose);
  d->once("finish", ctx->onfinish);
  d->emit("pipe", static_cast<Readable*>(this));
  if (t->writableNeedDrain()) {
    pauseFn();
  } else if (!(s.f & rFlowing)) {
    resume();
  }
}

Readable& Readable::unpipe(EventEmitter* dest) {
  ReadableState& s = *rs_;
  if (s.pipeCount() == 0) return *this;
  auto self = keepAlive();
  auto& pipes = s.piping->pipes;
  if (!dest) {
    auto dests = std::move(pipes);  // destinations and contexts alive through the emits
    pipes.clear();
    pause();
    for (auto& p : dests) p.dest()->emit("unpipe", static_cast<Readable*>(this));
    return *this;
  }
  auto it = std::find_if(pipes.begin(), pipes.end(), [dest](auto& p) { return p.dest() == dest; });
  if (it == pipes.end()) return *this;
  ReadableState::Pipe keep = std::move(*it);  // alive through the emit (its cleanup)
  pipes.erase(it);
  if (pipes.empty()) pause();
  dest->emit("unpipe", static_cast<Readable*>(this));
  return *this;
}

// ---- Writable (writable.js) ---------------------------------------------------------------------

struct Writable::Fns {
  std::function<void(Writable&, Buffer, Callback)> write;
  std::function<void(Writable&, std::vector<Buffer>, Callback)> writev;
  std::function<void(Writable&, Callback)> final;
};

Writable::Writable(Options opts) {
  presetEvents(PresetEvents::kWritable);
  if (opts.write || opts.writev || opts.final)
    fns_ = std::make_unique<Fns>(
        Fns{std::move(opts.write), std::move(opts.writev), std::move(opts.final)});
  ws_ = std::make_unique<WritableState>();
  ws_->highWaterMark = opts.highWaterMark;
  if (!opts.emitClose) ws_->f &= ~wEmitClose;
  if (!opts.autoDestroy) ws_->f &= ~wAutoDestroy;
  if (!opts.decodeStrings) ws_->f |= wKeepStrings;
  auto enc = encoding::normalize(opts.defaultEncoding);
  if (!enc) {
    throw errors::typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + opts.defaultEncoding);
  }
  ws_->setDefaultEncoding(*enc);
}

Writable::~Writable() = default;

const nodecc::detail::SigInfo* Writable::declaredSignature(std::string_view event) const {
  using nodecc::detail::SigOf;
  if (event == "error") return &SigOf<Error>::info;
  if (event == "drain" || event == "finish" || event == "prefinish" || event == "close")
    return &SigOf<>::info;
  if (event == "pipe" || event == "unpipe") return &SigOf<Readable*>::info;
  return nullptr;
}

void Writable::_write(Buffer chunk, Callback cb) {
  if (fns_ && fns_->write) {
    fns_->write(*this, std::move(chunk), std::move(cb));
    return;
  }
  if (hasWritev()) {
    std::vector<Buffer> v;
    v.push_back(std::move(chunk));
    _writev(std::move(v), std::move(cb));
    return;
  }
  throw errors::error("ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented");
}

void Writable::_writev(std::vector<Buffer> chunks, Callback cb) {
  if (fns_ && fns_->writev) fns_->writev(*this, std::move(chunks), std::move(cb));
}
bool Writable::hasWritev() const { return fns_ && fns_->writev; }
void Writable::_final(Callback cb) {
  if (fns_ && fns_->final)
    fns_->final(*this, std::move(cb));
  else
    cb(std::nullopt);
}
bool Writable::hasFinal() const { return fns_ && fns_->final; }

bool Writable::interceptWrite(Buffer&, Callback&, bool&) { return false; }

std::size_t Writable::bufferedBytes() const noexcept {
  std::size_t n = 0;
  for (const auto& e : ws_->buffered) n += e.chunk.length();  // bytes, whatever they count
  return n;
}

bool Writable::write(Buffer chunk, Callback cb) {
  bool result = false;
  if (interceptWrite(chunk, cb, result)) return result;
  return writeImpl(std::move(chunk), std::move(cb), false, nullptr);
}

bool Writable::write(std::string_view chunk, std::string_view enc, Callback cb) {
  std::string_view e = enc.empty() ? ws_->defaultEncoding() : enc;
  // 'buffer' passes Node's encoding check, then Buffer.from(string, 'buffer') rejects it.
  if (e == "buffer" || !encoding::normalize(e)) {
    throw errors::typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + std::string(e));
  }
  Buffer bytes = Buffer::from(chunk, e);
  return countingJsLength(*ws_, chunk, [&] { return write(std::move(bytes), std::move(cb)); });
}

// _write (the module function)
bool Writable::writeImpl(Buffer chunk, Callback cb, bool /*fromEnd*/,
                         std::optional<Error>* errOut) {
  WritableState& s = *ws_;
  std::optional<Error> err;
  if (s.f & wEnding) {
    err = errors::error("ERR_STREAM_WRITE_AFTER_END", "write after end");
  } else if (s.f & wDestroyed) {
    err = errors::error("ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed");
  }
  if (err) {
    if (cb) {
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([shared, err] { (*shared)(err); });
    }
    errorOrDestroy(*err, true);
    if (errOut) *errOut = err;
    return false;
  }
  ++s.pendingcb;
  return writeOrBuffer(std::move(chunk), std::move(cb));
}

bool Writable::writeOrBuffer(Buffer chunk, Callback cb) {
  WritableState& s = *ws_;
  std::size_t len = s.nextUnits != WritableState::npos ? s.nextUnits : chunk.length();
  s.nextUnits = WritableState::npos;
  s.length += len;
  // Held to the end: _write may drop the last other reference (a pipe source unpiping
  // this stream from inside it), and the state is read after it returns.
  std::shared_ptr<EventEmitter> self;
  if (s.f & (wWriting | wErrored | wCorked)) {
    if (cb) s.f &= ~wAllNoop;
    s.buffered.push_back({std::move(chunk), std::move(cb), len});
  } else {
    s.writelen = len;
    s.setWritecb(std::move(cb));
    s.f |= wWriting | wSync | wExpectWriteCb;
    self = keepAlive();
    _write(std::move(chunk),
           Callback([this, self](std::optional<Error> er) { onwrite(std::move(er)); }));
    s.f &= ~wSync;
  }
  bool ret = s.length < s.highWaterMark || s.length == 0;
  if (!ret) s.f |= wNeedDrain;
  return ret && !(s.f & (wDestroyed | wErrored));
}

void Writable::doWrite(bool writev, std::size_t len, std::vector<Buffer> chunks, Callback cb) {
  WritableState& s = *ws_;
  s.writelen = len;
  s.setWritecb(std::move(cb));
  s.f |= wWriting | wSync | wExpectWriteCb;
  auto self = keepAlive();
  Callback onw([this, self](std::optional<Error> er) { onwrite(std::move(er)); });
  if (s.f & wDestroyed) {
    onw(errors::error("ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed"));
  } else if (writev) {
    _writev(std::move(chunks), std::move(onw));
  } else {
    _write(std::move(chunks[0]), std::move(onw));
  }
  s.f &= ~wSync;
}

void Writable::onwriteError(Error er, Callback cb) {
  --ws_->pendingcb;
  if (cb) cb(er);
  errorBuffer();
  errorOrDestroy(er);
}

// onwrite
void Writable::onwrite(std::optional<Error> er) {
  WritableState& s = *ws_;
  if (!(s.f & wExpectWriteCb)) {
    errorOrDestroy(errors::error("ERR_MULTIPLE_CALLBACK", "Callback called multiple times"));
    return;
  }
  bool sync = s.f & wSync;
  Callback cb = s.takeWritecb();
  s.f &= ~(wWriting | wExpectWriteCb);
  s.length -= s.writelen;
  s.writelen = 0;
  if (er) {
    if (!(s.f & wErrored)) {
      s.errored = er;
      s.f |= wErrored;
    }
    if (rs_ && !rs_->errored) {
      rs_->errored = er;
      rs_->f |= rErrored;
    }
    if (sync) {
      auto self = keepAlive();
      auto shared = std::make_shared<Callback>(std::move(cb));
      Error e = *er;
      nextTick([this, self, shared, e] { onwriteError(e, std::move(*shared)); });
    } else {
      onwriteError(*er, std::move(cb));
    }
    return;
  }
  if (!s.buffered.empty()) clearBuffer();
  if (sync) {
    bool needDrain = (s.f & wNeedDrain) && s.length == 0;
    bool needTick = needDrain || static_cast<bool>(cb);
    if (!cb) {
      if (!(s.f & wAfterWritePending) && needTick) {
        s.f |= wAfterWritePending;
        auto self = keepAlive();
        nextTick([this, self] { afterWrite(1, nullptr); });
      } else {
        --s.pendingcb;
        if (s.f & wEnding) finishMaybe(true);
      }
    } else {
      // afterWriteTick with its own callback (JS merges ticks only for the same function).
      s.f |= wAfterWritePending;
      auto self = keepAlive();
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([this, self, shared] { afterWrite(1, shared.get()); });
    }
  } else {
    afterWrite(1, &cb);
  }
}

// afterWrite
void Writable::afterWrite(int count, Callback* cb) {
  WritableState& s = *ws_;
  s.f &= ~wAfterWritePending;
  bool needDrain = (s.f & (wEnding | wNeedDrain | wDestroyed)) == wNeedDrain && s.length == 0;
  if (needDrain) {
    s.f &= ~wNeedDrain;
    emit("drain");
  }
  while (count-- > 0) {
    --s.pendingcb;
    if (cb && *cb) (*cb)(std::nullopt);
  }
  if (s.f & wDestroyed) errorBuffer();
  if (s.f & wEnding) finishMaybe(true);
}

void Writable::errorBuffer() {
  WritableState& s = *ws_;
  if (s.f & wWriting) return;
  auto entries = std::move(s.buffered);
  s.buffered.clear();
  for (auto& e : entries) {
    s.length -= e.units;
    if (e.callback) {
      e.callback(s.errored ? *s.errored
                           : errors::error("ERR_STREAM_DESTROYED",
                                           "Cannot call write after a stream was destroyed"));
    }
  }
  callFinishedCallbacks(
      s.errored ? s.errored
                : std::optional<Error>(errors::error(
                      "ERR_STREAM_DESTROYED", "Cannot call end after a stream was destroyed")));
  s.f |= wAllNoop;
}

// clearBuffer
void Writable::clearBuffer() {
  WritableState& s = *ws_;
  if (s.f & (wDestroyed | wBufferProcessing | wCorked)) return;
  if (s.buffered.empty()) return;
  s.f |= wBufferProcessing;
  std::size_t n = s.buffered.size();
  if (n > 1 && hasWritev()) {
    s.pendingcb -= static_cast<int>(n) - 1;
    std::vector<Buffer> chunks;
    chunks.reserve(n);
    auto cbs = std::make_shared<std::vector<Callback>>();
    bool allNoop = s.f & wAllNoop;
    for (auto& e : s.buffered) {
      chunks.push_back(std::move(e.chunk));
      if (!allNoop) cbs->push_back(std::move(e.callback));
    }
    s.buffered.clear();
    s.f |= wAllNoop;
    Callback callback;
    if (!allNoop) {
      callback = Callback([cbs](std::optional<Error> err) {
        for (auto& c : *cbs)
          if (c) c(err);
      });
    }
    doWrite(true, s.length, std::move(chunks), std::move(callback));
  } else {
    do {
      WritableState::Entry e = std::move(s.buffered.front());
      s.buffered.pop_front();
      std::size_t len = e.units;
      std::vector<Buffer> one;
      one.push_back(std::move(e.chunk));
      doWrite(false, len, std::move(one), std::move(e.callback));
    } while (!s.buffered.empty() && !(s.f & wWriting));
    if (s.buffered.empty()) s.f |= wAllNoop;
  }
  s.f &= ~wBufferProcessing;
}

Writable& Writable::end(Callback cb) {
  WritableState& s = *ws_;
  std::optional<Error> err;
  if (s.f & wCorked) {
    s.corked = 1;
    uncork();
  }
  if (!(s.f & (wEnding | wErrored))) {
    s.f |= wEnding;
    finishMaybe(true);
    s.f |= wEnded;
  } else if (s.f & wFinished) {
    err =
        errors::error("ERR_STREAM_ALREADY_FINISHED", "Cannot call end after a stream was finished");
  } else if (s.f & wDestroyed) {
    err = errors::error("ERR_STREAM_DESTROYED", "Cannot call end after a stream was destroyed");
  }
  if (cb) {
    if (err || (s.f & wErrored) || (s.f & wFinished)) {
      std::optional<Error> arg = err ? err : (s.f & wErrored) ? s.errored.get() : std::nullopt;
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([shared, arg] { (*shared)(arg); });
    } else {
      s.addFinishedCallback(std::move(cb));
    }
  }
  return *this;
}

Writable& Writable::end(Buffer chunk, Callback cb) {
  std::optional<Error> err;
  writeImpl(std::move(chunk), Callback(), true, &err);
  if (err) {
    // Node: the error goes to the callback; end() itself does not end the stream.
    if (cb) {
      auto shared = std::make_shared<Callback>(std::move(cb));
      nextTick([shared, err] { (*shared)(err); });
    }
    WritableState& s = *ws_;
    if (s.f & wCorked) {
      s.corked = 1;
      uncork();
    }
    return *this;
  }
  return end(std::move(cb));
}

Writable& Writable::end(std::string_view chunk, std::string_view enc, Callback cb) {
  std::string_view e = enc.empty() ? ws_->defaultEncoding() : enc;
  Buffer bytes = Buffer::from(chunk, e);
  return countingJsLength(*ws_, chunk,
                          [&]() -> Writable& { return end(std::move(bytes), std::move(cb)); });
}

void Writable::cork() {
  ws_->f |= wCorked;
  ++ws_->corked;
}

void Writable::uncork() {
  WritableState& s = *ws_;
  if (s.corked) {
    --s.corked;
    if (!s.corked) s.f &= ~wCorked;
    if (!(s.f & wWriting)) clearBuffer();
  }
}

Writable& Writable::setDefaultEncoding(std::string_view enc) {
  // Node lower-cases the name first (the error names it lower-cased).
  std::string lower(enc);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto e = encoding::normalize(lower);
  if (!e) throw errors::typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + lower);
  ws_->setDefaultEncoding(*e);
  return *this;
}

bool Writable::needFinish() const noexcept {
  const WritableState& s = *ws_;
  return (s.f & (wEnding | wDestroyed | wFinished | wWriting | wErrorEmitted | wCloseEmitted |
                 wErrored)) == wEnding &&
         s.buffered.empty() && s.length == 0;
}

void Writable::onFinish(std::optional<Error> err) {
  WritableState& s = *ws_;
  if (s.f & wPrefinished) {
    errorOrDestroy(err ? *err
                       : errors::error("ERR_MULTIPLE_CALLBACK", "Callback called multiple times"));
    return;
  }
  --s.pendingcb;
  if (err) {
    callFinishedCallbacks(err);
    errorOrDestroy(*err, (s.f & wSync) != 0);
  } else if (needFinish()) {
    s.f |= wPrefinished;
    emit("prefinish");
    ++s.pendingcb;
    auto self = keepAlive();
    nextTick([this, self] { finish(); });
  }
}

void Writable::prefinish() {
  WritableState& s = *ws_;
  if (s.f & (wPrefinished | wFinalCalled)) return;
  if (hasFinal() && !(s.f & wDestroyed)) {
    s.f |= wFinalCalled | wSync;
    ++s.pendingcb;
    auto self = keepAlive();
    try {
      _final(Callback([this, self](std::optional<Error> err) { onFinish(std::move(err)); }));
    } catch (const ProcessExit&) {
      throw;
    } catch (...) {
      onFinish(errors::fromException(std::current_exception()));
    }
    s.f &= ~wSync;
  } else {
    s.f |= wFinalCalled | wPrefinished;
    emit("prefinish");
  }
}

void Writable::finishMaybe(bool sync) {
  WritableState& s = *ws_;
  if (!needFinish()) return;
  prefinish();
  if (s.pendingcb == 0) {
    if (sync) {
      ++s.pendingcb;
      auto self = keepAlive();
      nextTick([this, self] {
        if (needFinish())
          finish();
        else
          --ws_->pendingcb;
      });
    } else if (needFinish()) {
      ++s.pendingcb;
      finish();
    }
  }
}

void Writable::finish() {
  WritableState& s = *ws_;
  --s.pendingcb;
  s.f |= wFinished;
  callFinishedCallbacks(std::nullopt);
  emit("finish");
  if (s.f & wAutoDestroy) {
    ReadableState* r = rs_.get();
    bool autoDestroy =
        !r || ((r->f & rAutoDestroy) && ((r->f & rEndEmitted) || (r->f & rReadableFalse)));
    if (autoDestroy) destroy();
  }
}

void Writable::callFinishedCallbacks(const std::optional<Error>& err) {
  std::vector<Callback> cbs = ws_->takeFinishedCallbacks();
  for (auto& c : cbs) c(err);
}

bool Writable::writable() const noexcept {
  const WritableState& s = *ws_;
  return !(s.f & wWritableFalse) && !(s.f & wDestroyed) && !(s.f & wErrored) && !(s.f & wEnding) &&
         !(s.f & wEnded);
}
bool Writable::writableEnded() const noexcept { return ws_->f & wEnding; }
bool Writable::writableFinished() const noexcept { return ws_->f & wFinished; }
std::size_t Writable::writableLength() const noexcept { return ws_->length; }
std::size_t Writable::writableHighWaterMark() const noexcept { return ws_->highWaterMark; }
bool Writable::writableNeedDrain() const noexcept {
  return (ws_->f & (wDestroyed | wEnding | wNeedDrain)) == wNeedDrain;
}
int Writable::writableCorked() const noexcept { return ws_->corked; }

// ---- Duplex
// ---------------------------------------------------------------------------------------

Duplex::Duplex(Options opts)
    : Readable(Readable::Options{opts.readableHighWaterMark, opts.encoding, opts.emitClose,
                                 opts.autoDestroy, std::move(opts.read)}),
      Writable(Writable::Options{opts.writableHighWaterMark, opts.emitClose, opts.autoDestroy,
                                 "utf8", std::move(opts.write), std::move(opts.writev),
                                 std::move(opts.final), opts.decodeStrings}),
      allowHalfOpen(opts.allowHalfOpen) {
  presetEvents(PresetEvents::kDuplex);
  if (!opts.readable) rs_->f |= rReadableFalse | rEnded | rEndEmitted;
  if (!opts.writable) ws_->f |= wWritableFalse | wEnding | wEnded | wFinished;
}

Duplex::~Duplex() = default;

const nodecc::detail::SigInfo* Duplex::declaredSignature(std::string_view event) const {
  if (const auto* s = Readable::declaredSignature(event)) return s;
  return Writable::declaredSignature(event);
}

// ---- PassThrough
// -----------------------------------------------------------------------------------

PassThrough::PassThrough(Duplex::Options opts) : Duplex(std::move(opts)) {
  // Transform unsets the sync guard: its _read needs none (an end() before any read emits
  // 'readable' synchronously from onEofChunk).
  rs_->f &= ~rSync;
  // Transform's constructor: this.on('prefinish', prefinish), one function for all.
  thread_local const Listener prefinishListener =
      std::make_shared<nodecc::detail::ThisListener<&PassThrough::onPrefinish>>();
  addSharedListener("prefinish", prefinishListener);
}

void PassThrough::_read(std::size_t) {
  if (pendingWrite_) {
    Callback cb = std::move(pendingWrite_);
    pendingWrite_ = Callback();
    cb(std::nullopt);
  }
}

void PassThrough::_write(Buffer chunk, Callback cb) {
  // Transform.prototype._write: push, then call back on the next tick once push(null)
  // ended the readable side, at once after end() or when the readable side took the chunk
  // without growing or is below its highWaterMark, else hold the callback for _read.
  const std::size_t length = rs_->length;
  push(std::move(chunk));
  if (rs_->f & rEnded) {
    auto self = keepAlive();
    nextTick([self, cb = std::move(cb)]() mutable { cb(std::nullopt); });
  } else if ((ws_->f & wEnded) || length == rs_->length || rs_->length < rs_->highWaterMark) {
    cb(std::nullopt);
  } else {
    pendingWrite_ = std::move(cb);
  }
}

void PassThrough::_final(Callback cb) {
  push(nullptr);
  cb(std::nullopt);
}

// ---- finished / pipeline
// --------------------------------------------------------------------------

// ---- end-of-stream.js and pipeline.js ------------------------------------------------------

// The state predicates of lib/internal/streams/utils.js, on our streams (a null result of
// Node's is false here: every caller only tests truthiness or `=== false` on them where a
// null cannot occur for the stream kinds we have).
struct StreamInternals {
  static const Stream::ReadableState* rs(const Stream& s) { return s.rs_.get(); }
  static const Stream::WritableState* ws(const Stream& s) { return s.ws_.get(); }
  static bool rawNeedDrain(const Writable& w) { return ws(w)->f & wNeedDrain; }
  static bool isReadableNodeStream(const Stream& s) {
    return rs(s) && (!ws(s) || !(rs(s)->f & rReadableFalse));
  }
  static bool isWritableNodeStream(const Stream& s) {
    return ws(s) && (!rs(s) || !(ws(s)->f & wWritableFalse));
  }
  static bool isWritableFinished(const Stream& s, bool strict) {
    if (!isWritableNodeStream(s)) return false;
    const auto* w = ws(s);
    if (w->f & wFinished) return true;
    if (w->errored) return false;
    return !strict && (w->f & wEnded) && w->length == 0;
  }
  static bool isWritableEnded(const Stream& s) {
    if (!isWritableNodeStream(s)) return false;
    const auto* w = ws(s);
    if (w->f & wEnding) return true;
    if (w->errored) return false;
    return w->f & wEnded;
  }
  static bool isReadableFinished(const Stream& s, bool strict) {
    if (!isReadableNodeStream(s)) return false;
    const auto* r = rs(s);
    if (r->errored) return false;
    return (r->f & rEndEmitted) || (!strict && (r->f & rEnded) && r->length == 0);
  }
  static bool isDestroyed(const Stream& s) {
    if (s.destroyed()) return true;
    if (ws(s)) return ws(s)->f & wDestroyed;
    return rs(s) && (rs(s)->f & rDestroyed);
  }
  /// isReadable(): nullopt for a stream without a `readable` property (a Writable).
  static std::optional<bool> isReadable(const Stream& s) {
    const auto* r = dynamic_cast<const Readable*>(&s);
    if (!r) return std::nullopt;
    if (isDestroyed(s)) return false;
    return isReadableNodeStream(s) && r->readable() && !isReadableFinished(s, true);
  }
  static std::optional<bool> isWritable(const Stream& s) {
    const auto* w = dynamic_cast<const Writable*>(&s);
    if (!w) return std::nullopt;
    if (isDestroyed(s)) return false;
    return isWritableNodeStream(s) && w->writable() && !isWritableEnded(s);
  }
  static bool willEmitClose(const Stream& s) {
    if (const auto* w = ws(s))
      return (w->f & wAutoDestroy) && (w->f & wEmitClose) && !(w->f & wClosed);
    if (const auto* r = rs(s))
      return (r->f & rAutoDestroy) && (r->f & rEmitClose) && !(r->f & rClosed);
    return false;
  }
  static bool errorEmitted(const Stream& s) {
    return (ws(s) && (ws(s)->f & wErrorEmitted)) || (rs(s) && (rs(s)->f & rErrorEmitted));
  }
  static bool readableProp(const Stream& s) {  // `!stream.readable` is true when undefined
    const auto* r = dynamic_cast<const Readable*>(&s);
    return r && r->readable();
  }
  static bool writableProp(const Stream& s) {
    const auto* w = dynamic_cast<const Writable*>(&s);
    return w && w->writable();
  }

  // eos(stream, {readable, writable}, callback): the callback once, when the stream has
  // ended/finished (on 'close' when the stream will emit one), errored, or closed early.
  // (Node's returns a cleanup function; no caller here needs it.)
  static void eos(const std::shared_ptr<Stream>& sp, std::optional<bool> readableOpt,
                  std::optional<bool> writableOpt, Callback cb) {
    struct State {
      std::weak_ptr<Stream> weak;
      bool readable = false, writable = false, willEmitClose = false;
      bool readableFinished = false, writableFinished = false;
      Callback callback;
      void call(std::optional<Error> e) {
        if (!callback) return;
        Callback c = std::move(callback);
        callback = Callback();
        c(std::move(e));
      }
    };
    Stream& s = *sp;
    auto st = std::make_shared<State>();
    st->weak = sp;
    st->callback = std::move(cb);
    st->readable = readableOpt.value_or(isReadableNodeStream(s));
    st->writable = writableOpt.value_or(isWritableNodeStream(s));
    st->willEmitClose = willEmitClose(s) && isReadableNodeStream(s) == st->readable &&
                        isWritableNodeStream(s) == st->writable;
    st->writableFinished = isWritableFinished(s, false);
    st->readableFinished = isReadableFinished(s, false);

    s.on("end", [st] {
      st->readableFinished = true;
      auto p = st->weak.lock();
      if (!p) return;
      if (p->destroyed()) st->willEmitClose = false;
      if (st->willEmitClose && (!writableProp(*p) || st->writable)) return;
      if (!st->writable || st->writableFinished) st->call(std::nullopt);
    });
    s.on("finish", [st] {
      st->writableFinished = true;
      auto p = st->weak.lock();
      if (!p) return;
      if (p->destroyed()) st->willEmitClose = false;
      if (st->willEmitClose && (!readableProp(*p) || st->readable)) return;
      if (!st->readable || st->readableFinished) st->call(std::nullopt);
    });
    s.on("error", [st](const Error& e) { st->call(e); });
    auto closeCheck = [st](bool full) {
      auto p = st->weak.lock();
      if (!p) return;
      if (auto e = p->errored()) return st->call(std::move(e));
      if (full) {
        if (st->readable && !st->readableFinished && isReadableNodeStream(*p) &&
            !isReadableFinished(*p, false))
          return st->call(errors::error("ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
        if (st->writable && !st->writableFinished && !isWritableFinished(*p, false))
          return st->call(errors::error("ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
      }
      st->call(std::nullopt);
    };
    s.on("close", [closeCheck] { closeCheck(true); });

    if (s.closed()) {
      nextTick([closeCheck] { closeCheck(true); });
    } else if (errorEmitted(s)) {
      if (!st->willEmitClose) nextTick([closeCheck] { closeCheck(false); });
    } else if (!st->readable && (!st->willEmitClose || isReadable(s).value_or(false)) &&
               (st->writableFinished || isWritable(s) == std::optional<bool>(false)) &&
               (!ws(s) || ws(s)->pendingcb == 0)) {
      nextTick([closeCheck] { closeCheck(false); });
    } else if (!st->writable && (!st->willEmitClose || isWritable(s).value_or(false)) &&
               (st->readableFinished || isReadable(s) == std::optional<bool>(false))) {
      nextTick([closeCheck] { closeCheck(false); });
    }
  }
};

namespace {
// A Writable as a pipe destination.
class WritableDest final : public PipeDest {
 public:
  explicit WritableDest(std::shared_ptr<Writable> w) : w_(std::move(w)) {}
  EventEmitter& emitter() noexcept override { return *w_; }
  bool write(const Buffer& chunk) override { return w_->write(chunk); }
  bool write(std::string_view text) override { return w_->write(text); }
  void end() override { w_->end(); }
  bool writableNeedDrain() const noexcept override { return w_->writableNeedDrain(); }
  bool rawNeedDrain() const noexcept override { return StreamInternals::rawNeedDrain(*w_); }
  void unhandledError(const Error& er) override {
    if (!StreamInternals::errorEmitted(*w_))
      w_->errorOrDestroy(er);
    else
      w_->emit("error", er);
  }

 private:
  std::shared_ptr<Writable> w_;
};
}  // namespace

std::shared_ptr<PipeDest> Readable::writableDest(std::shared_ptr<Writable> dest) {
  return std::make_shared<WritableDest>(std::move(dest));
}

void finished(const std::shared_ptr<Stream>& s, Callback cb) {
  StreamInternals::eos(s, std::nullopt, std::nullopt, std::move(cb));
}

// pipeline(src, dst, cb): pipeline.js's pipelineImpl for two Node streams, ending the
// destination. The first error destroys the streams not yet finished; the callback runs
// once, on a next tick, when both ends have reported (or at the first error's report).
void pipeline(const std::shared_ptr<Readable>& src, const std::shared_ptr<Writable>& dst,
              Callback cb) {
  using SI = StreamInternals;
  struct State {
    Callback callback;
    std::optional<Error> error;
    std::deque<std::function<void(const std::optional<Error>&)>> destroys;
    int finishCount = 0;
    void finishImpl(std::optional<Error> err, bool final) {
      if (err && (!error || error->code == "ERR_STREAM_PREMATURE_CLOSE")) error = std::move(err);
      if (!error && !final) return;
      while (!destroys.empty()) {
        auto d = std::move(destroys.front());
        destroys.pop_front();
        d(error);
      }
      if (final && callback) {
        auto c = std::make_shared<Callback>(std::move(callback));
        callback = Callback();
        nextTick([c, e = error] { (*c)(e); });
      }
    }
    void finish(std::optional<Error> err) { finishImpl(std::move(err), --finishCount == 0); }
  };
  auto st = std::make_shared<State>();
  st->callback = std::move(cb);
  std::shared_ptr<Stream> s(src, static_cast<Stream*>(src.get()));
  std::shared_ptr<Stream> d(dst, static_cast<Stream*>(dst.get()));

  // destroyer(stream, reading, writing): destroys the stream on the pipeline's error unless
  // it already finished cleanly or closed.
  auto destroyer = [](const std::shared_ptr<Stream>& stream, bool reading, bool writing) {
    auto done = std::make_shared<bool>(false);
    stream->on("close", [done] { *done = true; });
    SI::eos(stream, reading, writing, Callback([done](std::optional<Error> e) { *done = !e; }));
    std::weak_ptr<Stream> weak = stream;
    return [done, weak](const std::optional<Error>& err) {
      if (*done) return;
      *done = true;
      auto p = weak.lock();
      if (!p || SI::isDestroyed(*p)) return;
      p->destroy(err ? *err
                     : errors::error("ERR_STREAM_DESTROYED",
                                     "Cannot call pipe after a stream was destroyed"));
    };
  };
  auto onError = [st](const Error& e) {
    if (e.name != "AbortError" && e.code != "ERR_STREAM_PREMATURE_CLOSE") st->finish(e);
  };
  st->destroys.push_back(destroyer(s, true, false));
  s->on("error", onError);
  st->destroys.push_back(destroyer(d, false, true));
  d->on("error", onError);

  // pipe(src, dst, finish, {end: true})
  st->finishCount += 2;
  auto ended = std::make_shared<bool>(false);
  dst->on("close", [st, ended] {
    if (!*ended) st->finish(errors::error("ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
  });
  src->pipe(dst, Readable::PipeOptions{.end = false});
  std::weak_ptr<Writable> wd = dst;
  auto endFn = [ended, wd] {
    *ended = true;
    if (auto p = wd.lock()) p->end();
  };
  if (SI::isReadableFinished(*s, true))
    nextTick(endFn);
  else
    src->once("end", endFn);
  std::weak_ptr<Readable> ws = src;
  SI::eos(s, true, false, Callback([st, ws](std::optional<Error> err) {
            auto p = ws.lock();
            const Stream::ReadableState* r = p ? SI::rs(*p) : nullptr;
            if (err && err->code == "ERR_STREAM_PREMATURE_CLOSE" && r && (r->f & rEnded) &&
                !r->errored && !(r->f & rErrorEmitted)) {
              p->once("end", [st] { st->finish(std::nullopt); });
              p->once("error", [st](const Error& e) { st->finish(e); });
            } else {
              st->finish(std::move(err));
            }
          }));
  SI::eos(d, false, true, Callback([st](std::optional<Error> err) { st->finish(std::move(err)); }));
}

}  // namespace nodecc::stream
