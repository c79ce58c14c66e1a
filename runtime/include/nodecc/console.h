// nodecc/console.h — console.log and friends.
//
// Arguments are formatted by `util::format` (Node's rules: a leading format
// string with %s %d %i %f %j %o %O %c, strings printed raw at top level, other
// values through util.inspect), and written synchronously, as Node does for
// files, pipes and TTYs on Linux.
#pragma once

#include <string>
#include <string_view>

#include "nodecc/util.h"

namespace nodecc::console {

namespace detail {
void writeOut(std::string s);
void writeErr(std::string s);
}  // namespace detail

/// `console.log(...args)`.
template <class... A>
void log(const A&... args) {
  std::string s = util::format(args...);
  s.push_back('\n');
  detail::writeOut(std::move(s));
}
/// `console.info(...args)` (stdout).
template <class... A>
void info(const A&... args) {
  log(args...);
}
/// `console.debug(...args)` (stdout).
template <class... A>
void debug(const A&... args) {
  log(args...);
}
/// `console.error(...args)` (stderr).
template <class... A>
void error(const A&... args) {
  std::string s = util::format(args...);
  s.push_back('\n');
  detail::writeErr(std::move(s));
}
/// `console.warn(...args)` (stderr).
template <class... A>
void warn(const A&... args) {
  error(args...);
}
/// `console.dir(value)`.
template <class T>
void dir(const T& v) {
  detail::writeOut(util::inspect(v) + "\n");
}
/// `console.time(label)` / `console.timeEnd(label)`: "label: 1.234ms".
void time(std::string_view label = "default");
void timeEnd(std::string_view label = "default");

}  // namespace nodecc::console
