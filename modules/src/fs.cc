// fs: Node 20's lib/fs.js (readFile, writeFile, unlink, *Sync) and
// lib/internal/fs/read_file_context.js / rimraf.js, over bindings/fs_req.
#include "nodecc/fs.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "bindings/fs_req.h"
#include "nodecc/environment.h"
#include "nodecc/path.h"
#include "nodecc/util.h"

namespace nodecc::fs {

namespace bfs = bindings::fs;
// libuv's error numbers are negated errno values on Unix (UV_ENOENT == -ENOENT).

namespace {

constexpr std::size_t kReadFileBufferLength = 512 * 1024;        // Node's chunk for known sizes
constexpr std::size_t kReadFileUnknownBufferLength = 64 * 1024;  // … and for unknown sizes
constexpr int kReadFlags = O_RDONLY;
constexpr int kWriteFlags = O_TRUNC | O_CREAT | O_WRONLY;  // 'w'
constexpr int kDefaultMode = 0666;

// The encoding check of getOptions(): an unknown encoding is an ERR_INVALID_ARG_VALUE.
void validateEncoding(std::string_view encoding) {
  if (!encoding::normalize(encoding)) {
    throw errors::invalidArgValue("encoding", util::detail::quoteString(encoding),
                                  "is invalid encoding");
  }
}

// Node's getValidatedPath: a string containing a NUL byte is rejected.
void validatePath(std::string_view p) {
  if (p.find('\0') != std::string_view::npos) {
    throw errors::invalidArgValue("path", util::detail::quoteString(p),
                                  "must be a string, Uint8Array, or URL without null bytes");
  }
}

[[noreturn]] void throwUv(std::int64_t err, std::string_view syscall, std::string_view p = {}) {
  throw errors::uvException(static_cast<int>(err), syscall, p);
}

// ---- readFile (ReadFileContext) ------------------------------------------------------

struct ReadFileContext : std::enable_shared_from_this<ReadFileContext> {
  Environment* env;
  detail::BufferCallback callback;
  int fd = -1;
  std::size_t size = 0;  // 0: unknown (not a regular file, or empty)
  std::size_t pos = 0;
  Buffer buffer;
  std::vector<Buffer> buffers;
  std::optional<Error> err;

  void afterOpen(std::int64_t r) {
    if (r < 0) {
      callback(errors::uvException(static_cast<int>(r), "open", path), Buffer());
      return;
    }
    fd = static_cast<int>(r);
    bfs::FsReq::fstat(*env, fd, [self = shared_from_this()](std::int64_t res, const bfs::Stat* st) {
      self->afterStat(res, st);
    });
  }
  void afterStat(std::int64_t r, const bfs::Stat* st) {
    if (r < 0) return close(errors::uvException(static_cast<int>(r), "fstat"));
    size = st && st->isFile() ? static_cast<std::size_t>(st->size) : 0;
    if (size != 0) buffer = Buffer::allocUnsafe(size);
    read();
  }
  void read() {
    std::size_t offset, length;
    if (size == 0) {
      buffer = Buffer::allocUnsafe(kReadFileUnknownBufferLength);
      offset = 0;
      length = kReadFileUnknownBufferLength;
    } else {
      offset = pos;
      length = std::min(kReadFileBufferLength, size - pos);
    }
    bfs::FsReq::read(
        *env, fd, buffer, offset, length, -1,
        [self = shared_from_this()](std::int64_t res, const bfs::Stat*) { self->afterRead(res); });
  }
  void afterRead(std::int64_t r) {
    if (r < 0) return close(errors::uvException(static_cast<int>(r), "read"));
    auto bytesRead = static_cast<std::size_t>(r);
    pos += bytesRead;
    if (pos == size || bytesRead == 0) return close(std::nullopt);
    if (size == 0) buffers.push_back(buffer.subarray(0, static_cast<std::ptrdiff_t>(bytesRead)));
    read();
  }
  void close(std::optional<Error> e) {
    err = std::move(e);
    bfs::FsReq::close(*env, fd, [self = shared_from_this()](std::int64_t res, const bfs::Stat*) {
      self->afterClose(res);
    });
  }
  void afterClose(std::int64_t r) {
    if (err) return callback(std::move(err), Buffer());
    if (r < 0) return callback(errors::uvException(static_cast<int>(r), "close"), Buffer());
    Buffer out;
    if (size == 0)
      out = Buffer::concat(buffers, pos);
    else if (pos < size)
      out = buffer.subarray(0, static_cast<std::ptrdiff_t>(pos));
    else
      out = buffer;
    callback(std::nullopt, std::move(out));
  }
  std::string path;
};

void startReadFile(std::string_view p, detail::BufferCallback cb) {
  validatePath(p);
  Environment& env = Environment::require();
  auto ctx = std::make_shared<ReadFileContext>();
  ctx->env = &env;
  ctx->callback = std::move(cb);
  ctx->path = std::string(p);
  bfs::FsReq::open(env, ctx->path, kReadFlags, kDefaultMode,
                   [ctx](std::int64_t res, const bfs::Stat*) { ctx->afterOpen(res); });
}

// ---- writeFile (writeAll) ------------------------------------------------------------------

struct WriteFileContext : std::enable_shared_from_this<WriteFileContext> {
  Environment* env;
  detail::ErrorCallback callback;
  Buffer data;
  std::size_t offset = 0, length = 0;
  int fd = -1;

  void writeAll() {
    bfs::FsReq::write(
        *env, fd, data, offset, length, -1,
        [self = shared_from_this()](std::int64_t res, const bfs::Stat*) { self->afterWrite(res); });
  }
  void afterWrite(std::int64_t r) {
    if (r < 0) {
      // Node: close, then report the write error (aggregated with a close error).
      Error writeErr = errors::uvException(static_cast<int>(r), "write");
      bfs::FsReq::close(*env, fd,
                        [self = shared_from_this(), writeErr](std::int64_t, const bfs::Stat*) {
                          self->callback(writeErr);
                        });
      return;
    }
    auto written = static_cast<std::size_t>(r);
    if (written == length) {
      bfs::FsReq::close(*env, fd, [self = shared_from_this()](std::int64_t res, const bfs::Stat*) {
        if (res < 0)
          self->callback(errors::uvException(static_cast<int>(res), "close"));
        else
          self->callback(std::nullopt);
      });
      return;
    }
    offset += written;
    length -= written;
    writeAll();
  }
};

// ---- synchronous helpers --------------------------------------------------------------------

Buffer readAllSync(const std::string& p) {
  int fd = bfs::openSync(p, kReadFlags, kDefaultMode);
  if (fd < 0) throwUv(fd, "open", p);
  struct Closer {
    int fd;
    ~Closer() { bfs::closeSync(fd); }
  } closer{fd};
  bfs::Stat st;
  if (int r = bfs::fstatSync(fd, st); r < 0) throwUv(r, "fstat");
  std::size_t size = st.isFile() ? static_cast<std::size_t>(st.size) : 0;
  if (size != 0) {
    Buffer buf = Buffer::allocUnsafe(size);
    std::size_t pos = 0;
    while (pos < size) {
      std::int64_t n = bfs::readSync(fd, buf.data() + pos, size - pos, -1);
      if (n < 0) throwUv(n, "read");
      if (n == 0) break;
      pos += static_cast<std::size_t>(n);
    }
    return pos < size ? buf.subarray(0, static_cast<std::ptrdiff_t>(pos)) : buf;
  }
  std::vector<Buffer> parts;
  std::size_t total = 0;
  for (;;) {
    Buffer chunk = Buffer::allocUnsafe(8 * 1024);
    std::int64_t n = bfs::readSync(fd, chunk.data(), chunk.length(), -1);
    if (n < 0) throwUv(n, "read");
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    parts.push_back(chunk.subarray(0, static_cast<std::ptrdiff_t>(n)));
  }
  return Buffer::concat(parts, total);
}

// Node's MKDirpSync: creates missing parents; returns 0 or a negative libuv error.
int mkdirpSync(const std::string& target, int mode, std::optional<std::string>& first) {
  std::vector<std::string> stack{target};
  while (!stack.empty()) {
    std::string next = stack.back();
    int err = bfs::mkdirSync(next, mode);
    if (err == 0) {
      if (!first) first = next;
      stack.pop_back();
      continue;
    }
    if (err == -EACCES || err == -ENOSPC || err == -ENOTDIR || err == -EPERM) return err;
    if (err == -ENOENT) {
      std::string parent = path::dirname(next);
      if (parent == next) return err;
      stack.push_back(parent);
      continue;
    }
    // EEXIST and the rest: fine if it is (or links to) a directory.
    stack.pop_back();
    bfs::Stat st;
    if (int r = bfs::statSync(next, st); r < 0) return r;
    if (!st.isDirectory()) return next == target ? -EEXIST : -ENOTDIR;
  }
  return 0;
}

// lib/internal/fs/rimraf.js (sync), without retries.
void rimrafSync(const std::string& p);

void rmdirRecursiveSync(const std::string& p, std::optional<Error> originalErr) {
  int r = bfs::rmdirSync(p);
  if (r == 0 || r == -ENOENT) return;
  if (r == -ENOTDIR) {
    if (originalErr) throw *originalErr;
    throwUv(r, "rmdir", p);
  }
  if (r == -ENOTEMPTY || r == -EEXIST || r == -EPERM) {
    std::vector<std::string> names;
    if (int s = bfs::scandirSync(p, names); s < 0) throwUv(s, "scandir", p);
    for (const auto& child : names) rimrafSync(p + "/" + child);
    int again = bfs::rmdirSync(p);
    if (again == 0 || again == -ENOENT) return;
    throwUv(again, "rmdir", p);
  }
  if (originalErr) throw *originalErr;
  throwUv(r, "rmdir", p);
}

void rimrafSync(const std::string& p) {
  bfs::Stat st;
  int s = bfs::lstatSync(p, st);
  if (s == -ENOENT) return;
  bool isDir = s == 0 && st.isDirectory();
  if (isDir) {
    rmdirRecursiveSync(p, std::nullopt);
    return;
  }
  int r = bfs::unlinkSync(p);
  if (r == 0 || r == -ENOENT) return;
  Error err = errors::uvException(r, "unlink", p);
  if (r == -EPERM || r == -EISDIR) {
    rmdirRecursiveSync(p, err);
    return;
  }
  throw err;
}

}  // namespace

namespace detail {

void readFile(std::string_view p, BufferCallback cb) { startReadFile(p, std::move(cb)); }

void readFile(std::string_view p, std::string_view encoding, StringCallback cb) {
  validateEncoding(encoding);
  startReadFile(p, [cb = std::move(cb), enc = std::string(encoding)](std::optional<Error> err,
                                                                     Buffer data) mutable {
    if (err) return cb(std::move(err), std::string());
    cb(std::nullopt, data.toString(enc));
  });
}

void writeFile(std::string_view p, Buffer data, ErrorCallback cb) {
  validatePath(p);
  Environment& env = Environment::require();
  auto ctx = std::make_shared<WriteFileContext>();
  ctx->env = &env;
  ctx->callback = std::move(cb);
  ctx->length = data.length();
  ctx->data = std::move(data);
  std::string pathStr(p);
  bfs::FsReq::open(
      env, pathStr, kWriteFlags, kDefaultMode, [ctx, pathStr](std::int64_t res, const bfs::Stat*) {
        if (res < 0)
          return ctx->callback(errors::uvException(static_cast<int>(res), "open", pathStr));
        ctx->fd = static_cast<int>(res);
        ctx->writeAll();
      });
}

void unlink(std::string_view p, ErrorCallback cb) {
  validatePath(p);
  std::string pathStr(p);
  bfs::FsReq::unlink(Environment::require(), pathStr,
                     [cb = std::move(cb), pathStr](std::int64_t res, const bfs::Stat*) mutable {
                       if (res < 0)
                         cb(errors::uvException(static_cast<int>(res), "unlink", pathStr));
                       else
                         cb(std::nullopt);
                     });
}

}  // namespace detail

Buffer readFileSync(std::string_view p) {
  validatePath(p);
  return readAllSync(std::string(p));
}

std::string readFileSync(std::string_view p, std::string_view encoding) {
  validateEncoding(encoding);
  validatePath(p);
  return readAllSync(std::string(p)).toString(encoding);
}

void writeFileSync(std::string_view p, const Buffer& data) {
  validatePath(p);
  std::string pathStr(p);
  int fd = bfs::openSync(pathStr, kWriteFlags, kDefaultMode);
  if (fd < 0) throwUv(fd, "open", pathStr);
  std::size_t off = 0, left = data.length();
  // Node writes at least once, even for empty data.
  do {
    std::int64_t n = bfs::writeSync(fd, data.data() + off, left, -1);
    if (n < 0) {
      bfs::closeSync(fd);
      throwUv(n, "write");
    }
    off += static_cast<std::size_t>(n);
    left -= static_cast<std::size_t>(n);
  } while (left > 0);
  if (int r = bfs::closeSync(fd); r < 0) throwUv(r, "close");
}

void writeFileSync(std::string_view p, std::string_view data, std::string_view encoding) {
  validateEncoding(encoding);
  writeFileSync(p, Buffer::from(data, encoding));
}

bool existsSync(std::string_view p) {
  if (p.empty() || p.find('\0') != std::string_view::npos) return false;
  return bfs::accessSync(std::string(p), F_OK) == 0;
}

void unlinkSync(std::string_view p) {
  validatePath(p);
  std::string pathStr(p);
  if (int r = bfs::unlinkSync(pathStr); r < 0) throwUv(r, "unlink", pathStr);
}

std::optional<std::string> mkdirSync(std::string_view p, MkdirOptions options) {
  validatePath(p);
  std::string pathStr(p);
  if (options.recursive) {
    std::optional<std::string> first;
    if (int r = mkdirpSync(pathStr, options.mode, first); r < 0) {
      throwUv(r, "mkdir", pathStr);
    }
    return first;
  }
  if (int r = bfs::mkdirSync(pathStr, options.mode); r < 0) throwUv(r, "mkdir", pathStr);
  return std::nullopt;
}

std::string mkdtempSync(std::string_view prefix) {
  validatePath(prefix);
  std::string templ = std::string(prefix) + "XXXXXX";
  std::string out;
  if (int r = bfs::mkdtempSync(templ, out); r < 0) throwUv(r, "mkdtemp", templ);
  return out;
}

void rmSync(std::string_view p, RmOptions options) {
  validatePath(p);
  std::string pathStr(p);
  // validateRmOptionsSync
  if (!options.force || !options.recursive) {
    bfs::Stat st;
    int r = bfs::lstatSync(pathStr, st);
    if (r < 0 && !(options.force && r == -ENOENT)) throwUv(r, "lstat", pathStr);
    if (r == 0 && st.isDirectory() && !options.recursive) {
      Error e("Path is a directory: rm returned EISDIR (is a directory) " + pathStr,
              "ERR_FS_EISDIR");
      e.name = "SystemError";
      e.codeInName = true;
      e.errnum = EISDIR;
      e.syscall = "rm";
      e.path = pathStr;
      e.info = Object{{"code", "EISDIR"},
                      {"message", "is a directory"},
                      {"path", pathStr},
                      {"syscall", "rm"},
                      {"errno", EISDIR}};
      throw e;
    }
  }
  rimrafSync(pathStr);
}

void rmdirSync(std::string_view p) {
  validatePath(p);
  std::string pathStr(p);
  if (int r = bfs::rmdirSync(pathStr); r < 0) throwUv(r, "rmdir", pathStr);
}

}  // namespace nodecc::fs
