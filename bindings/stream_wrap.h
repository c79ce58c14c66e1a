// bindings/stream_wrap.h — libuv streams (TCP, pipes, TTYs) for net.Socket and
// child_process stdio (Node's LibuvStreamWrap / StreamBase).
//
// Reads land in a per-thread 64 KiB slab: each chunk handed up is a zero-copy
// Buffer view of it, and the slab is reused once no view is alive, so an echo
// server allocates nothing per read. Writes first try uv_try_write (no request,
// no callback: Node's "synchronous write"); only the unwritten rest becomes a
// uv_write request holding references to its Buffers until the libuv callback.
// Pending writes fail with UV_ECANCELED when the handle closes.
#pragma once

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <span>

#include "bindings/handle_wrap.h"
#include "nodecc/buffer.h"
#include "nodecc/function.h"

namespace nodecc::bindings {

class StreamWrap : public HandleWrap {
 public:
  /// The owner's read callback: nread > 0 with data, UV_EOF, or another negative error.
  /// 8 inline bytes: the owners capture one pointer (a larger closure goes to the heap).
  using ReadCallback = UniqueFunction<void(ssize_t nread, Buffer data), 8>;
  /// A write or shutdown completion: 0 or a negative libuv error.
  using StatusCallback = UniqueFunction<void(int status)>;

  void setReadCallback(ReadCallback cb) { onRead_ = std::move(cb); }
  /// uv_read_start; 0 or a libuv error.
  int readStart();
  int readStop();
  bool reading() const noexcept { return reading_; }

  /// Writes `bufs` in order. Returns 0 or a libuv error (then nothing is written and `cb`
  /// is not called). `*async` tells whether the write completes later through `cb`
  /// (called from the libuv callback, not wrapped in makeCallback) or completed now
  /// (then `cb` is dropped uncalled).
  int write(std::span<const Buffer> bufs, StatusCallback cb, bool* async,
            uv_stream_t* sendHandle = nullptr);
  /// write() in two halves, for a writer that builds its completion only when one is
  /// needed: tryWrite hands the batch to the kernel (uv_try_write), sets `*written` to what
  /// it took (0 when it would block) and `*all` when that is the whole batch (an empty one
  /// too); if not, queueWrite queues the rest (from byte `written` on) with `cb`. Each
  /// returns 0 or a libuv error.
  int tryWrite(std::span<const Buffer> bufs, std::size_t* written, bool* all);
  int queueWrite(std::span<const Buffer> bufs, std::size_t skip, StatusCallback cb,
                 uv_stream_t* sendHandle = nullptr);
  /// uv_shutdown; `cb` from the libuv callback. Returns 0 or a libuv error (UV_ENOTCONN …).
  int shutdown(StatusCallback cb);
  /// Bytes queued in libuv (Node's handle.writeQueueSize).
  std::size_t writeQueueSize() const noexcept;
  std::uint64_t bytesRead() const noexcept { return bytesRead_; }
  /// Bytes handed to the kernel or to libuv's queue (Node counts at dispatch).
  std::uint64_t bytesWritten() const noexcept { return bytesWritten_; }
  uv_stream_t* stream() const noexcept { return reinterpret_cast<uv_stream_t*>(handle()); }
  /// True for pipes opened with ipc = true (handle passing).
  virtual bool isIpc() const noexcept { return false; }
  /// For IPC pipes: the type of a handle received with the last read (UV_TCP, UV_NAMED_PIPE,
  /// UV_UDP) or UV_UNKNOWN_HANDLE.
  uv_handle_type pendingType() const noexcept;

 protected:
  StreamWrap(Environment& env, uv_handle_t* h) : HandleWrap(env, h) {}
  void onClosing() override;

 private:
  static void onAlloc(uv_handle_t* h, std::size_t suggested, uv_buf_t* buf);
  static void onReadCb(uv_stream_t* s, ssize_t nread, const uv_buf_t* buf);
  bool reading_ = false;  // first: packs beside HandleWrap's state
  ReadCallback onRead_;
  std::uint64_t bytesRead_ = 0;
  std::uint64_t bytesWritten_ = 0;
};

}  // namespace nodecc::bindings
