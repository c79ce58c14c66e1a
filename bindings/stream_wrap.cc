#include "bindings/stream_wrap.h"

#include <cstring>
#include <vector>

namespace nodecc::bindings {

namespace {
// Per-thread read slab (one Environment per thread).
constexpr std::size_t kSlabSize = 256 * 1024;
constexpr std::size_t kMinFree = 64 * 1024;
struct Slab {
  Buffer buf;
  std::size_t used = 0;
};
thread_local Slab tlSlab;

struct WriteReq {
  uv_write_t req;
  std::vector<Buffer> refs;
  StreamWrap::StatusCallback cb;
  StreamWrap* wrap;
  std::size_t bytes;
};
struct ShutdownReq {
  uv_shutdown_t req;
  StreamWrap::StatusCallback cb;
};
}  // namespace

void StreamWrap::onAlloc(uv_handle_t*, std::size_t, uv_buf_t* out) {
  Slab& s = tlSlab;
  if (!s.buf.storage()) {
    s.buf = Buffer::allocUnsafe(kSlabSize);
    s.used = 0;
  } else if (s.buf.storage()->refs.load(std::memory_order_acquire) == 1) {
    s.used = 0;  // no view of the slab is alive: reuse it from the start
  } else if (kSlabSize - s.used < kMinFree) {
    s.buf = Buffer::allocUnsafe(kSlabSize);
    s.used = 0;
  }
  out->base = reinterpret_cast<char*>(s.buf.data() + s.used);
  out->len = kSlabSize - s.used;
}

void StreamWrap::onReadCb(uv_stream_t* st, ssize_t nread, const uv_buf_t*) {
  auto* self = static_cast<StreamWrap*>(st->data);
  if (nread == 0) return;  // EAGAIN: the slab region is simply not consumed
  Buffer chunk;
  if (nread > 0) {
    Slab& s = tlSlab;
    chunk = Buffer::view(s.buf.storage(), s.used, static_cast<std::size_t>(nread));
    s.used += (static_cast<std::size_t>(nread) + 7) & ~std::size_t{7};
    if (s.used > kSlabSize) s.used = kSlabSize;
    self->bytesRead_ += static_cast<std::uint64_t>(nread);
  }
  if (self->onRead_) self->onRead_(nread, std::move(chunk));
}

int StreamWrap::readStart() {
  if (isClosing()) return UV_EBADF;
  int r = uv_read_start(stream(), &StreamWrap::onAlloc, &StreamWrap::onReadCb);
  if (r == 0 || r == UV_EALREADY) {
    reading_ = true;
    return 0;
  }
  return r;
}

int StreamWrap::readStop() {
  if (isClosing()) return 0;
  reading_ = false;
  return uv_read_stop(stream());
}

std::size_t StreamWrap::writeQueueSize() const noexcept {
  return isClosing() ? 0 : stream()->write_queue_size;
}

uv_handle_type StreamWrap::pendingType() const noexcept {
  auto* p = reinterpret_cast<uv_pipe_t*>(handle());
  if (!uv_pipe_pending_count(p)) return UV_UNKNOWN_HANDLE;
  return uv_pipe_pending_type(p);
}

namespace {
// The non-empty buffers of a batch as uv_buf_t (on the stack up to 16): `n` of them,
// `total` bytes.
struct UvBufs {
  uv_buf_t stack[16];
  std::vector<uv_buf_t> heap;
  uv_buf_t* data = stack;
  std::size_t n = 0;
  std::size_t total = 0;
  explicit UvBufs(std::span<const Buffer> bufs) {
    if (bufs.size() > 16) {
      heap.resize(bufs.size());
      data = heap.data();
    }
    for (const Buffer& b : bufs) {
      if (b.length() == 0) continue;
      data[n].base = const_cast<char*>(b.chars());
      data[n].len = b.length();
      total += b.length();
      ++n;
    }
  }
};
}  // namespace

int StreamWrap::tryWrite(std::span<const Buffer> bufs, std::size_t* written, bool* all) {
  *written = 0;
  *all = false;
  if (isClosing()) return UV_EBADF;
  UvBufs ub(bufs);
  int r = ub.n == 0 ? 0 : uv_try_write(stream(), ub.data, static_cast<unsigned>(ub.n));
  if (r >= 0) {
    *written = static_cast<std::size_t>(r);
    *all = *written == ub.total;
    if (*all) bytesWritten_ += ub.total;
    return 0;
  }
  return r == UV_EAGAIN || r == UV_ENOSYS ? 0 : r;
}

int StreamWrap::queueWrite(std::span<const Buffer> bufs, std::size_t skip, StatusCallback cb,
                           uv_stream_t* sendHandle) {
  if (isClosing()) return UV_EBADF;
  auto* req = new WriteReq;
  req->wrap = this;
  req->cb = std::move(cb);
  std::vector<uv_buf_t> rest;
  rest.reserve(bufs.size());
  std::size_t pos = 0;
  for (const Buffer& b : bufs) {
    if (b.length() == 0) continue;
    std::size_t len = b.length();
    if (pos + len > skip) {
      std::size_t off = skip > pos ? skip - pos : 0;
      rest.push_back(
          uv_buf_init(const_cast<char*>(b.chars()) + off, static_cast<unsigned>(len - off)));
      req->refs.push_back(b);
    }
    pos += len;
  }
  const std::size_t total = pos;
  req->bytes = total - skip;
  if (rest.empty()) rest.push_back(uv_buf_init(nullptr, 0));  // write2 with only a handle
  req->req.data = req;
  auto done = [](uv_write_t* w, int status) {
    auto* r = static_cast<WriteReq*>(w->data);
    StatusCallback c = std::move(r->cb);
    delete r;
    if (c) c(status);
  };
  int r = sendHandle ? uv_write2(&req->req, stream(), rest.data(),
                                 static_cast<unsigned>(rest.size()), sendHandle, done)
                     : uv_write(&req->req, stream(), rest.data(),
                                static_cast<unsigned>(rest.size()), done);
  if (r != 0) {
    delete req;
    return r;
  }
  bytesWritten_ += total;  // Node counts bytes when a write is dispatched
  return 0;
}

int StreamWrap::write(std::span<const Buffer> bufs, StatusCallback cb, bool* async,
                      uv_stream_t* sendHandle) {
  *async = false;
  std::size_t skip = 0;  // bytes written synchronously
  if (!sendHandle) {
    bool all;
    int r = tryWrite(bufs, &skip, &all);
    if (r != 0 || all) return r;
  }
  int r = queueWrite(bufs, skip, std::move(cb), sendHandle);
  if (r == 0) *async = true;
  return r;
}

int StreamWrap::shutdown(StatusCallback cb) {
  if (isClosing()) return UV_ENOTCONN;
  auto* req = new ShutdownReq;
  req->cb = std::move(cb);
  req->req.data = req;
  int r = uv_shutdown(&req->req, stream(), [](uv_shutdown_t* s, int status) {
    auto* sr = static_cast<ShutdownReq*>(s->data);
    StatusCallback c = std::move(sr->cb);
    delete sr;
    if (c) c(status);
  });
  if (r != 0) delete req;
  return r;
}

void StreamWrap::onClosing() {
  reading_ = false;
  onRead_ = ReadCallback();
}

}  // namespace nodecc::bindings
