// nodecc/fs.h — the parts of Node's `fs` module the seed's examples use.
//
// Asynchronous functions run on libuv's thread pool exactly as Node's do
// (readFile is open → fstat → read… → close, writeFile is open → write… →
// close), and call back through the event loop with ticks and microtasks
// drained afterwards. Errors are Node's: `ENOENT: no such file or directory,
// open '/nonexist'` with `errnum` (JS `errno`) -2, `code`, `syscall` and `path`.
// A pending request keeps the loop alive; once the process is exiting its
// callback is never called.
//
// Differences from Node: callbacks are typed. A readFile callback takes
// `(std::optional<Error> err, Buffer data)` (or, with an encoding,
// `(std::optional<Error>, std::string)`), and may take only a prefix of those
// arguments, as a JS function may ignore trailing ones; on error `data` is
// empty where Node passes `undefined`. Options objects are reduced to the
// options listed on each function. Paths are strings (no URL, Buffer or fd).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "nodecc/buffer.h"
#include "nodecc/errors.h"
#include "nodecc/function.h"

namespace nodecc::fs {

namespace detail {
using BufferCallback = UniqueFunction<void(std::optional<Error>, Buffer)>;
using StringCallback = UniqueFunction<void(std::optional<Error>, std::string)>;
using ErrorCallback = UniqueFunction<void(std::optional<Error>)>;

/// Adapts a callback that takes a prefix of (std::optional<Error>, T) to the full signature.
template <class T, class F>
UniqueFunction<void(std::optional<Error>, T)> adapt(F&& f) {
  using D = std::decay_t<F>;
  if constexpr (std::is_invocable_v<D&, std::optional<Error>, T>) {
    return UniqueFunction<void(std::optional<Error>, T)>(std::forward<F>(f));
  } else if constexpr (std::is_invocable_v<D&, std::optional<Error>>) {
    return [f = std::forward<F>(f)](std::optional<Error> e, T) mutable { f(std::move(e)); };
  } else {
    static_assert(std::is_invocable_v<D&>,
                  "nodecc::fs: the callback must take (std::optional<Error>, data), "
                  "(std::optional<Error>) or nothing");
    return [f = std::forward<F>(f)](std::optional<Error>, T) mutable { f(); };
  }
}
template <class F>
ErrorCallback adaptErr(F&& f) {
  using D = std::decay_t<F>;
  if constexpr (std::is_invocable_v<D&, std::optional<Error>>) {
    return ErrorCallback(std::forward<F>(f));
  } else {
    static_assert(std::is_invocable_v<D&>,
                  "nodecc::fs: the callback must take (std::optional<Error>) or nothing");
    return [f = std::forward<F>(f)](std::optional<Error>) mutable { f(); };
  }
}

void readFile(std::string_view path, BufferCallback cb);
void readFile(std::string_view path, std::string_view encoding, StringCallback cb);
void writeFile(std::string_view path, Buffer data, ErrorCallback cb);
void unlink(std::string_view path, ErrorCallback cb);
}  // namespace detail

/// `fs.readFile(path, callback)`: the whole file as a Buffer.
template <class F>
void readFile(std::string_view path, F&& callback) {
  detail::readFile(path, detail::adapt<Buffer>(std::forward<F>(callback)));
}
/// `fs.readFile(path, encoding, callback)`: the whole file decoded (`"utf8"`, `"hex"`, …).
/// An unknown encoding throws ERR_INVALID_ARG_VALUE synchronously, as in Node.
template <class F>
void readFile(std::string_view path, std::string_view encoding, F&& callback) {
  detail::readFile(path, encoding, detail::adapt<std::string>(std::forward<F>(callback)));
}
/// `fs.readFileSync(path)`; throws the Error Node throws.
Buffer readFileSync(std::string_view path);
/// `fs.readFileSync(path, encoding)`.
std::string readFileSync(std::string_view path, std::string_view encoding);

/// `fs.writeFile(path, data, callback)` (flag 'w', mode 0o666); callback(err).
template <class F>
void writeFile(std::string_view path, const Buffer& data, F&& callback) {
  detail::writeFile(path, data, detail::adaptErr(std::forward<F>(callback)));
}
/// `fs.writeFile(path, string, callback)`: the string is written as UTF-8.
template <class F>
void writeFile(std::string_view path, std::string_view data, F&& callback) {
  detail::writeFile(path, Buffer::from(data), detail::adaptErr(std::forward<F>(callback)));
}
/// `fs.writeFile(path, string, encoding, callback)` (Node: `{ encoding }`).
template <class F>
void writeFile(std::string_view path, std::string_view data, std::string_view encoding,
               F&& callback) {
  detail::writeFile(path, Buffer::from(data, encoding),
                    detail::adaptErr(std::forward<F>(callback)));
}
/// `fs.writeFileSync(path, data)`.
void writeFileSync(std::string_view path, const Buffer& data);
/// `fs.writeFileSync(path, string[, encoding])`.
void writeFileSync(std::string_view path, std::string_view data,
                   std::string_view encoding = "utf8");

/// `fs.existsSync(path)`: false on any error (including an empty path).
bool existsSync(std::string_view path);

/// `fs.unlink(path, callback)`; callback(err).
template <class F>
void unlink(std::string_view path, F&& callback) {
  detail::unlink(path, detail::adaptErr(std::forward<F>(callback)));
}
/// `fs.unlinkSync(path)`.
void unlinkSync(std::string_view path);

/// Options of mkdirSync (Node: `{ recursive, mode }`).
struct MkdirOptions {
  bool recursive = false;
  int mode = 0777;
};
/// `fs.mkdirSync(path[, options])`: with `recursive`, the first directory created (empty
/// optional when it already existed); without, always an empty optional.
std::optional<std::string> mkdirSync(std::string_view path, MkdirOptions options = {});

/// `fs.mkdtempSync(prefix)`: creates `prefix` + six random characters; returns its path.
std::string mkdtempSync(std::string_view prefix);

/// Options of rmSync (Node: `{ recursive, force }`; `maxRetries`/`retryDelay` are not
/// offered: nodecc makes one attempt, Node's default).
struct RmOptions {
  bool recursive = false;
  bool force = false;
};
/// `fs.rmSync(path[, options])`: removes a file, or a directory tree with `recursive`.
/// A directory without `recursive` throws SystemError ERR_FS_EISDIR; a missing path
/// throws ENOENT (lstat) unless `force`.
void rmSync(std::string_view path, RmOptions options = {});

/// `fs.rmdirSync(path)`: removes an empty directory.
void rmdirSync(std::string_view path);

}  // namespace nodecc::fs
