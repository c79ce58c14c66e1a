// nodecc/stream.h — Node's stream core: Readable, Writable, Duplex, PassThrough.
//
// The state machines are lib/internal/streams/{readable,writable,destroy}.js
// transcribed: same events in the same order ('data', 'end', 'readable',
// 'pause', 'resume', 'drain', 'prefinish', 'finish', 'close', 'error', 'pipe',
// 'unpipe'), flowing and paused modes, highWaterMark (16 KiB) backpressure with
// write() returning false and 'drain' after, pipe()/unpipe(), cork/uncork,
// destroy(err) with 'error' then 'close' on the next tick, allowHalfOpen,
// ERR_STREAM_WRITE_AFTER_END, ERR_STREAM_DESTROYED, ERR_STREAM_PUSH_AFTER_EOF.
//
// Differences from Node:
// * Byte streams only (no objectMode). A chunk is a Buffer; strings written
//   with an encoding are converted to a Buffer on write().
// * After setEncoding(), 'data' carries std::string (UTF-8 of the decoded
//   text) instead of Buffer, and read() returns the text's bytes. Lengths
//   (readableLength, highWaterMark, read(n)) still count UTF-16 code units as
//   Node's strings do; a read(n) that would split a surrogate pair takes the pair.
// * Streams must be owned by a std::shared_ptr (create them with
//   std::make_shared): queued callbacks keep the stream alive as JS closures do.
// * Implementations override the protected virtuals `_read`, `_write`,
//   `_writev` (+ `hasWritev`), `_final` (+ `hasFinal`), `_destroy`, or pass the
//   same functions in the options (`Writable::Options::write` …) as Node allows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nodecc/buffer.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/function.h"
#include "nodecc/string_decoder.h"

namespace nodecc::stream {

/// A completion callback: `cb(err)`, err empty on success.
using Callback = UniqueFunction<void(std::optional<Error>)>;

namespace detail {
/// Adapts `void()` or `void(std::optional<Error>)` (or `void(const std::optional<Error>&)`)
/// callables to a Callback.
template <class F>
Callback toCallback(F&& f) {
  using D = std::decay_t<F>;
  if constexpr (std::is_same_v<D, Callback>) {
    return std::move(f);
  } else if constexpr (std::is_same_v<D, std::nullptr_t>) {
    return Callback();
  } else if constexpr (std::is_invocable_v<D&, std::optional<Error>>) {
    return Callback(std::forward<F>(f));
  } else {
    static_assert(std::is_invocable_v<D&>,
                  "nodecc: a stream callback takes () or (std::optional<Error>)");
    return Callback([g = D(std::forward<F>(f))](std::optional<Error>) mutable { g(); });
  }
}
}  // namespace detail

class Readable;
class Writable;

/// What readable.pipe() uses of its destination. Node pipes into any object with write(),
/// end() and the events: a Writable is one, http's OutgoingMessage (a legacy Stream in
/// Node, not a Writable) another (http::makePipeDest).
class PipeDest {
 public:
  virtual ~PipeDest() = default;
  /// The destination as an emitter: its events, and the identity unpipe() looks for.
  virtual EventEmitter& emitter() noexcept = 0;
  virtual bool write(const Buffer& chunk) = 0;
  /// A chunk of text, from a source with setEncoding().
  virtual bool write(std::string_view text) = 0;
  virtual void end() = 0;
  /// `dest.writableNeedDrain`.
  virtual bool writableNeedDrain() const noexcept = 0;
  /// What the pipe's cleanup tests before it runs a pending 'drain' handler:
  /// `!dest._writableState || dest._writableState.needDrain`.
  virtual bool rawNeedDrain() const noexcept { return true; }
  /// The pipe's 'error' handler, when no other 'error' listener is left on the destination:
  /// Node destroys a stream whose error was not emitted yet, else emits 'error' (which
  /// throws without a listener).
  virtual void unhandledError(const Error& er) { emitter().emit("error", er); }
};

/// The common base: EventEmitter + destroy() (lib/internal/streams/destroy.js).
class Stream : public EventEmitter {
 public:
  ~Stream() override;

  /// `stream.destroy([error][, callback])`: idempotent; 'error' (if any) then 'close'
  /// on the next tick.
  Stream& destroy(std::optional<Error> err = {}, Callback cb = {});
  Stream& destroy(Error err) { return destroy(std::optional<Error>(std::move(err))); }
  /// `stream.destroyed`.
  bool destroyed() const noexcept;
  /// `stream.errored`.
  std::optional<Error> errored() const;
  /// `stream.closed`.
  bool closed() const noexcept;

  struct ReadableState;
  struct WritableState;

  /// Internal: the error path used by streams (`errorOrDestroy`).
  void errorOrDestroy(Error err, bool sync = false);

 protected:
  Stream();
  /// `_destroy(err, cb)`: release resources, then call cb(err).
  virtual void _destroy(std::optional<Error> err, Callback cb);
  /// Called in the tick that emits 'close' (whether or not `emitClose` lets it), after it.
  virtual void afterClose() {}

  /// A strong reference to this stream for queued callbacks (null if not shared-owned).
  std::shared_ptr<EventEmitter> keepAlive();
  /// Environment teardown: also lets go of a destroy() callback still waiting on _destroy.
  std::shared_ptr<void> releaseForTeardown() override;

  std::unique_ptr<ReadableState> rs_;
  std::unique_ptr<WritableState> ws_;

 private:
  void destroyImpl(std::optional<Error> err, Callback cb);
  void destroyDone(std::optional<Error> err);
  void emitErrorNT(const Error& err);
  void emitCloseNT();
  friend class Readable;
  friend class Writable;
  friend struct StreamInternals;  // finished()/pipeline() read the states (stream.cc)
  // destroy()'s callback (boxed: rarely given, and every socket carries this member) until
  // _destroy calls back (destroy runs once per stream).
  std::unique_ptr<Callback> destroyCb_;
};

/// Node's stream.Readable.
class Readable : public virtual Stream {
 public:
  struct Options {
    std::size_t highWaterMark = 16384;
    std::string encoding;  ///< setEncoding at construction when not empty
    bool emitClose = true;
    bool autoDestroy = true;
    /// Node's `read` option: used when the class does not override _read.
    std::function<void(Readable&, std::size_t)> read;
  };
  Readable() : Readable(Options{}) {}
  explicit Readable(Options opts);
  ~Readable() override;
  NODECC_EMITTER_METHODS(Readable)

  /// `readable.push(chunk)`: false when the buffer is at highWaterMark.
  bool push(Buffer chunk);
  bool push(std::string_view chunk, std::string_view encoding = "utf8");
  bool push(const char* chunk) { return push(std::string_view(chunk)); }
  /// `readable.push(null)`: end of stream.
  bool push(std::nullptr_t);
  /// `readable.unshift(chunk)`.
  bool unshift(Buffer chunk);
  /// `readable.read([size])`: a chunk, or nullopt (JS null).
  std::optional<Buffer> read(std::optional<std::size_t> size = {});
  /// `readable.pause()`.
  Readable& pause();
  /// `readable.resume()`.
  Readable& resume();
  /// `readable.isPaused()`.
  bool isPaused() const noexcept;
  /// `readable.setEncoding(encoding)`: 'data' then carries std::string. Virtual: a class
  /// may refuse it (an http server's net::Socket), through any reference.
  virtual Readable& setEncoding(std::string_view encoding);
  struct PipeOptions {
    bool end = true;
  };
  /// `readable.pipe(destination[, options])`: returns the destination. The destination is
  /// a Writable, or anything with a `makePipeDest(dest)` found by argument-dependent lookup
  /// (http's OutgoingMessage, a legacy Stream in Node: `req.pipe(res)`).
  template <class W>
  std::shared_ptr<W> pipe(const std::shared_ptr<W>& dest, PipeOptions opts = {}) {
    if constexpr (std::is_base_of_v<Writable, W>)
      pipeImpl(writableDest(dest), opts);
    else
      pipeImpl(makePipeDest(dest), opts);
    return dest;
  }
  /// `readable.unpipe([destination])`.
  Readable& unpipe(EventEmitter* dest = nullptr);
  template <class W>
  Readable& unpipe(const std::shared_ptr<W>& dest) {
    return unpipe(static_cast<EventEmitter*>(dest.get()));
  }

  /// `readable.readable`.
  bool readable() const noexcept;
  bool readableEnded() const noexcept;
  /// `readable.readableFlowing`: null (nullopt), true or false.
  std::optional<bool> readableFlowing() const noexcept;
  std::size_t readableLength() const noexcept;
  std::size_t readableHighWaterMark() const noexcept;
  /// `readable.readableEncoding` ("" when none).
  std::string readableEncoding() const;
  bool readableAborted() const noexcept;
  bool readableDidRead() const noexcept;

 protected:
  /// Environment teardown: also drops the pipes (a pipe holds its source and destination in
  /// a cycle until the source ends or unpipes).
  std::shared_ptr<void> releaseForTeardown() override;
  /// `_read(size)`: call push() (now or later) with data.
  virtual void _read(std::size_t size);
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override;
  void listenerRemoved(std::string_view event) override;
  void allListenersRemoved(std::optional<std::string_view> event) override;
  /// Node's `_readableState.readingMore`: while set, push() does not schedule reads ahead
  /// (http.IncomingMessage sets it until its first _read, as Node's does).
  void setReadingMore(bool v) noexcept;
  /// Node's `_readableState.resumeScheduled`.
  bool resumeScheduled() const noexcept;

 private:
  friend class Stream;
  friend class Writable;
  bool addChunkPush(Buffer chunk, bool isText = false);
  void addChunk(Buffer chunk, bool addToFront);
  void onEofChunk();
  void emitReadable();
  void emitReadableNT();
  void maybeReadMore();
  void maybeReadMoreNT();
  void flow();
  void resumeScheduled();
  void resumeNT();
  void endReadable();
  void endReadableNT();
  void updateReadableListening();
  std::optional<Buffer> fromList(std::size_t& n);  // n: what it took (units with a decoder)
  std::size_t howMuchToRead(std::optional<std::size_t> n) const;
  void emitData(Buffer chunk);
  void pipeImpl(std::shared_ptr<PipeDest> dest, PipeOptions opts);
  static std::shared_ptr<PipeDest> writableDest(std::shared_ptr<Writable> dest);
  // The `read` option, boxed: subclasses override _read and leave it unset.
  std::unique_ptr<std::function<void(Readable&, std::size_t)>> readFn_;
};

/// Node's stream.Writable.
class Writable : public virtual Stream {
 public:
  struct Options {
    std::size_t highWaterMark = 16384;
    bool emitClose = true;
    bool autoDestroy = true;
    std::string defaultEncoding = "utf8";
    /// Node's `write`/`writev`/`final` options, used when the class does not override them.
    std::function<void(Writable&, Buffer, Callback)> write;
    std::function<void(Writable&, std::vector<Buffer>, Callback)> writev;
    std::function<void(Writable&, Callback)> final;
    /// Node's `decodeStrings`: false counts a string write by its JS length (UTF-16 code
    /// units) in writableLength and the highWaterMark checks (net.Socket). The chunk still
    /// reaches _write as bytes.
    bool decodeStrings = true;
  };
  Writable() : Writable(Options{}) {}
  explicit Writable(Options opts);
  ~Writable() override;
  NODECC_EMITTER_METHODS(Writable)

  /// `writable.write(chunk[, callback])`: false once the buffered length reaches
  /// highWaterMark (wait for 'drain'). After end(): ERR_STREAM_WRITE_AFTER_END to
  /// the callback (next tick) and as 'error'.
  bool write(Buffer chunk, Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  bool write(Buffer chunk, F&& cb) {
    return write(std::move(chunk), detail::toCallback(std::forward<F>(cb)));
  }
  /// `writable.write(string[, encoding][, callback])`.
  bool write(std::string_view chunk, std::string_view encoding = {}, Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  bool write(std::string_view chunk, std::string_view encoding, F&& cb) {
    return write(chunk, encoding, detail::toCallback(std::forward<F>(cb)));
  }
  /// `writable.write(string, callback)` (utf8).
  template <class F, std::enable_if_t<!std::is_convertible_v<F, std::string_view>, int> = 0>
  bool write(std::string_view chunk, F&& cb) {
    return write(chunk, std::string_view(), detail::toCallback(std::forward<F>(cb)));
  }
  bool write(const char* chunk) { return write(std::string_view(chunk)); }
  bool write(const std::string& chunk) { return write(std::string_view(chunk)); }

  /// `writable.end([callback])`.
  Writable& end(Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback> &&
                                          !std::is_convertible_v<F, std::string_view> &&
                                          !std::is_same_v<std::decay_t<F>, Buffer>,
                                      int> = 0>
  Writable& end(F&& cb) {
    return end(detail::toCallback(std::forward<F>(cb)));
  }
  /// `writable.end(chunk[, callback])`.
  Writable& end(Buffer chunk, Callback cb = {});
  Writable& end(std::string_view chunk, std::string_view encoding = {}, Callback cb = {});
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback>, int> = 0>
  Writable& end(Buffer chunk, F&& cb) {
    return end(std::move(chunk), detail::toCallback(std::forward<F>(cb)));
  }
  /// `writable.end(string, callback)` (utf8).
  template <class F, std::enable_if_t<!std::is_convertible_v<F, std::string_view>, int> = 0>
  Writable& end(std::string_view chunk, F&& cb) {
    return end(chunk, std::string_view(), detail::toCallback(std::forward<F>(cb)));
  }
  Writable& end(const char* chunk) { return end(std::string_view(chunk)); }
  Writable& end(const std::string& chunk) { return end(std::string_view(chunk)); }

  /// `writable.cork()` / `uncork()`.
  void cork();
  void uncork();
  /// `writable.setDefaultEncoding(encoding)`.
  Writable& setDefaultEncoding(std::string_view encoding);

  /// `writable.writable`.
  bool writable() const noexcept;
  bool writableEnded() const noexcept;
  bool writableFinished() const noexcept;
  std::size_t writableLength() const noexcept;
  std::size_t writableHighWaterMark() const noexcept;
  bool writableNeedDrain() const noexcept;
  int writableCorked() const noexcept;

 protected:
  /// `_write(chunk, callback)`.
  virtual void _write(Buffer chunk, Callback cb);
  /// `_writev(chunks, callback)`; used when hasWritev() is true.
  virtual void _writev(std::vector<Buffer> chunks, Callback cb);
  virtual bool hasWritev() const;
  /// `_final(callback)`; used when hasFinal() is true.
  virtual void _final(Callback cb);
  virtual bool hasFinal() const;
  /// Hook run first by every write(): return true when it handled the write itself
  /// (with `result` as write()'s return value). net.Socket uses it for writeAfterFIN.
  virtual bool interceptWrite(Buffer& chunk, Callback& cb, bool& result);
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
  /// Bytes of the chunks waiting in the buffer (Node's writableBuffer), not in flight.
  std::size_t bufferedBytes() const noexcept;

 private:
  friend class Stream;
  friend class Readable;
  bool writeImpl(Buffer chunk, Callback cb, bool fromEnd, std::optional<Error>* errOut);
  bool writeOrBuffer(Buffer chunk, Callback cb);
  void doWrite(bool writev, std::size_t len, std::vector<Buffer> chunks, Callback cb);
  void onwrite(std::optional<Error> er);
  void onwriteError(Error er, Callback cb);
  void afterWrite(int count, Callback* cb);
  void afterWriteTick();
  void errorBuffer();
  void clearBuffer();
  bool needFinish() const noexcept;
  void onFinish(std::optional<Error> err);
  void prefinish();
  void finishMaybe(bool sync);
  void finish();
  void callFinishedCallbacks(const std::optional<Error>& err);
  // The write/writev/final options, boxed: subclasses override _write and leave them unset.
  struct Fns;
  std::unique_ptr<Fns> fns_;
};

/// Node's stream.Duplex: readable and writable sides in one stream.
class Duplex : public Readable, public Writable {
 public:
  struct Options {
    bool allowHalfOpen = true;
    bool readable = true;
    bool writable = true;
    std::size_t readableHighWaterMark = 16384;
    std::size_t writableHighWaterMark = 16384;
    std::string encoding;
    bool emitClose = true;
    bool autoDestroy = true;
    std::function<void(Readable&, std::size_t)> read;
    std::function<void(Writable&, Buffer, Callback)> write;
    std::function<void(Writable&, std::vector<Buffer>, Callback)> writev;
    std::function<void(Writable&, Callback)> final;
    bool decodeStrings = true;  ///< as Writable::Options::decodeStrings
  };
  Duplex() : Duplex(Options{}) {}
  explicit Duplex(Options opts);
  ~Duplex() override;

  // Both bases declare the emitter methods; Duplex picks one set.
  NODECC_EMITTER_METHODS(Duplex)
  using Writable::end;
  using Writable::write;

  /// `duplex.allowHalfOpen`: when false, the writable side ends when the readable side does.
  bool allowHalfOpen = true;

 protected:
  const nodecc::detail::SigInfo* declaredSignature(std::string_view event) const override;
  void listenerAdded(std::string_view event) override { Readable::listenerAdded(event); }
  void listenerRemoved(std::string_view event) override { Readable::listenerRemoved(event); }
  void allListenersRemoved(std::optional<std::string_view> event) override {
    Readable::allListenersRemoved(event);
  }
};

/// Node's stream.PassThrough: writes come out of the readable side unchanged. Like Node's
/// Transform it has a 'prefinish' listener of its own from the start (Node's calls _final
/// when a subclass replaced it; here _final runs as any Writable's, so it does nothing).
class PassThrough : public Duplex {
 public:
  explicit PassThrough(Duplex::Options opts = {});

 protected:
  void _read(std::size_t size) override;
  void _write(Buffer chunk, Callback cb) override;
  void _final(Callback cb) override;
  bool hasFinal() const override { return true; }

 private:
  static void onPrefinish(EventEmitter&) {}
  Callback pendingWrite_;
};

/// `stream.finished(stream, callback)`: callback(err) once the stream has ended,
/// finished, errored or closed prematurely (ERR_STREAM_PREMATURE_CLOSE).
void finished(const std::shared_ptr<Stream>& s, Callback cb);

/// `stream.pipeline(source, ...transforms, destination, callback)` for two streams:
/// pipes, forwards errors, destroys both on failure, calls back once.
void pipeline(const std::shared_ptr<Readable>& src, const std::shared_ptr<Writable>& dst,
              Callback cb);

}  // namespace nodecc::stream
