// console: synchronous writes to fd 1 and fd 2.
#include "nodecc/console.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>

#include "nodecc/process.h"
#include "runtime/src/internal.h"

namespace nodecc::console {

namespace detail {
namespace {
void writeAll(int fd, const std::string& s) {
  const char* p = s.data();
  std::size_t left = s.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n > 0) {
      p += n;
      left -= static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      // Someone made the descriptor non-blocking: wait until writable.
      pollfd pfd{fd, POLLOUT, 0};
      ::poll(&pfd, 1, -1);
      continue;
    }
    return;  // EPIPE and friends: drop, as Node does for a closed stdout
  }
}
}  // namespace
// A worker hands its output to the parent instead.
bool toSink(int fd, const std::string& s) {
  Environment* env = Environment::current();
  if (!env || !env->options().stdioSink) return false;
  env->options().stdioSink(fd, s);
  return true;
}
void writeOut(std::string s) {
  if (!toSink(1, s)) writeAll(1, s);
}
void writeErr(std::string s) {
  if (!toSink(2, s)) writeAll(2, s);
}
}  // namespace detail

void time(std::string_view label) {
  auto& timers = Environment::require().impl().consoleTimers;
  auto [it, inserted] = timers.try_emplace(std::string(label), std::chrono::steady_clock::now());
  if (!inserted) {
    process::emitWarning("Label '" + std::string(label) + "' already exists for console.time()");
  }
}

void timeEnd(std::string_view label) {
  auto& timers = Environment::require().impl().consoleTimers;
  auto it = timers.find(label);
  if (it == timers.end()) {
    process::emitWarning("No such label '" + std::string(label) + "' for console.timeEnd()");
    return;
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - it->second)
          .count();
  timers.erase(it);
  char buf[64];
  if (ms >= 1000)
    std::snprintf(buf, sizeof buf, "%.3fs", ms / 1000);
  else
    std::snprintf(buf, sizeof buf, "%.3fms", ms);
  log(std::string(label) + ": " + buf);
}

}  // namespace nodecc::console
