// bindings/fs_req.h — libuv file-system requests (Node's FSReqCallback and the
// synchronous uv_fs_* calls behind fs.*Sync).
//
// Only this file's .cc calls uv_fs_*. Synchronous calls return a result >= 0
// or a negative libuv error number (UV_ENOENT …) and never throw; the module
// (modules/src/fs.cc) turns errors into Node's Error objects.
//
// An asynchronous request runs on libuv's thread pool. While pending it keeps
// the loop alive (as every libuv request does) and is registered with the
// Environment: at teardown it is cancelled and its completion never calls back
// (the request frees itself when libuv is done with it). The completion runs
// through Environment::makeCallback, so ticks and microtasks drain after it, as
// after Node's oncomplete.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "nodecc/buffer.h"
#include "nodecc/environment.h"
#include "nodecc/function.h"

namespace nodecc::bindings::fs {

/// libuv error numbers are negated errno values on Unix: `-ENOENT` is UV_ENOENT.
/// The fields of a stat result that the fs module uses.
struct Stat {
  std::uint64_t mode = 0;
  std::uint64_t size = 0;
  bool isDirectory() const noexcept;
  bool isFile() const noexcept;
};

// ---- synchronous calls (the calling thread blocks, as Node's *Sync do) ------------
/// open(2) through uv_fs_open: the fd, or a negative libuv error.
int openSync(const std::string& path, int flags, int mode);
/// read(2) at `position` (-1: the current position): bytes read or a negative error.
std::int64_t readSync(int fd, std::uint8_t* buf, std::size_t len, std::int64_t position);
/// write(2) at `position` (-1: the current position): bytes written or a negative error.
std::int64_t writeSync(int fd, const std::uint8_t* buf, std::size_t len, std::int64_t position);
int closeSync(int fd);
int fstatSync(int fd, Stat& out);
int lstatSync(const std::string& path, Stat& out);
/// stat(2): follows symbolic links.
int statSync(const std::string& path, Stat& out);
int unlinkSync(const std::string& path);
int rmdirSync(const std::string& path);
int mkdirSync(const std::string& path, int mode);
/// mkdtemp(3): `templ` must end in "XXXXXX"; the created path goes to `out`.
int mkdtempSync(const std::string& templ, std::string& out);
/// access(2) with `mode` (F_OK, R_OK …).
int accessSync(const std::string& path, int mode);
/// The entry names of a directory (without "." and "..").
int scandirSync(const std::string& path, std::vector<std::string>& names);

// ---- asynchronous requests ----------------------------------------------------------
/// Called on the loop thread with the request's result (>= 0, or a negative libuv
/// error) and, for fstat, the stat (nullptr otherwise or on error).
using FsDone = UniqueFunction<void(std::int64_t result, const Stat* stat)>;

/// One uv_fs_t on the thread pool. Users never hold one: the static functions start
/// a request that frees itself after its completion.
class FsReq final : public Environment::HandleEntry {
 public:
  static void open(Environment& env, std::string path, int flags, int mode, FsDone done);
  static void close(Environment& env, int fd, FsDone done);
  static void fstat(Environment& env, int fd, FsDone done);
  /// Reads up to `len` bytes into `buf` at `offset` (the request keeps `buf` alive).
  static void read(Environment& env, int fd, Buffer buf, std::size_t offset, std::size_t len,
                   std::int64_t position, FsDone done);
  /// Writes `len` bytes of `data` from `offset` (the request keeps `data` alive).
  static void write(Environment& env, int fd, Buffer data, std::size_t offset, std::size_t len,
                    std::int64_t position, FsDone done);
  static void unlink(Environment& env, std::string path, FsDone done);

  FsReq(const FsReq&) = delete;
  FsReq& operator=(const FsReq&) = delete;

 private:
  struct Impl;
  FsReq(Environment& env, FsDone done);
  ~FsReq() override;
  void closeForTeardown() override;
  void started(int r);

  Environment* env_;
  FsDone done_;
  Buffer buffer_;     // kept alive for read/write
  std::string path_;  // kept alive for path requests
  bool cancelled_ = false;
  Impl* impl_;
};

}  // namespace nodecc::bindings::fs
