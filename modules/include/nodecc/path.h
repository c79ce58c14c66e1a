// nodecc/path.h — Node's `path` module (the POSIX flavour, `path.posix`).
//
// Same algorithms and outputs as Node 20's lib/path.js, edge cases included
// (trailing slashes, "..", empty strings, a leading "//"). Strings are UTF-8
// bytes; since '/' and '.' never occur inside a multi-byte sequence the results
// match Node's UTF-16 ones. Differences from Node: arguments are strings by
// type, so Node's ERR_INVALID_ARG_TYPE for non-strings cannot happen; `path.win32`
// is not provided.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nodecc::path {

/// `path.sep`: "/".
inline constexpr std::string_view sep = "/";
/// `path.delimiter`: ":".
inline constexpr std::string_view delimiter = ":";

/// `path.resolve(...paths)`: right to left until an absolute path is formed, then
/// `process.cwd()`; normalised, without a trailing slash (except "/").
std::string resolve(std::span<const std::string_view> paths);
/// `path.join(...paths)`: non-empty segments joined with "/" and normalised; "." when empty.
std::string join(std::span<const std::string_view> paths);

template <class... S>
std::string resolve(const S&... paths) {
  const std::string_view v[] = {std::string_view(paths)..., std::string_view()};
  return resolve(std::span<const std::string_view>(v, sizeof...(S)));
}
template <class... S>
std::string join(const S&... paths) {
  const std::string_view v[] = {std::string_view(paths)..., std::string_view()};
  return join(std::span<const std::string_view>(v, sizeof...(S)));
}

/// `path.normalize(p)`: resolves "." and "..", squashes slashes, keeps a trailing slash.
std::string normalize(std::string_view p);
/// `path.isAbsolute(p)`.
bool isAbsolute(std::string_view p) noexcept;
/// `path.relative(from, to)`: both resolved first; "" when they are the same.
std::string relative(std::string_view from, std::string_view to);
/// `path.dirname(p)`.
std::string dirname(std::string_view p);
/// `path.basename(p[, suffix])`: the last portion, with `suffix` removed when it ends it
/// (and is not the whole name).
std::string basename(std::string_view p, std::string_view suffix = {});
/// `path.extname(p)`: from the last "." of the last portion; "" for dotfiles and no dot.
std::string extname(std::string_view p);
/// `path.toNamespacedPath(p)`: identity on POSIX.
inline std::string toNamespacedPath(std::string_view p) { return std::string(p); }

/// The object `path.parse()` returns and `path.format()` takes.
struct ParsedPath {
  std::string root, dir, base, ext, name;
  friend bool operator==(const ParsedPath&, const ParsedPath&) = default;
};
/// `path.parse(p)`.
ParsedPath parse(std::string_view p);
/// `path.format(obj)`: `dir` (or `root`) + "/" + `base` (or `name` + `ext`, a missing
/// leading dot of `ext` added as Node 20 does).
std::string format(const ParsedPath& obj);

}  // namespace nodecc::path
