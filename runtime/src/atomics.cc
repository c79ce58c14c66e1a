// Atomics.wait / Atomics.notify over Linux futexes.
#include "nodecc/atomics.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <ctime>

#include "nodecc/errors.h"

namespace nodecc::Atomics {

namespace detail {
void throwBadIndex() { throw errors::make("RangeError", "", "Invalid atomic access index"); }
}  // namespace detail

namespace {
long futex(std::int32_t* addr, int op, std::int32_t val, const timespec* ts) {
  return ::syscall(SYS_futex, addr, op, val, ts, nullptr, 0);
}
}  // namespace

std::string_view wait(const Buffer& b, std::size_t index, std::int32_t value, double timeoutMs) {
  auto ref = detail::at<std::int32_t>(b, index);
  auto* addr = reinterpret_cast<std::int32_t*>(const_cast<std::uint8_t*>(b.data())) + index;
  using Clock = std::chrono::steady_clock;
  bool forever = std::isnan(timeoutMs) || timeoutMs == std::numeric_limits<double>::infinity();
  double ms = std::isnan(timeoutMs) ? 0 : std::max(0.0, timeoutMs);
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double, std::milli>(forever ? 0 : ms));
  if (ref.load() != value) return "not-equal";
  for (;;) {
    timespec ts{};
    const timespec* tsp = nullptr;
    if (!forever) {
      auto left = deadline - Clock::now();
      if (left <= Clock::duration::zero()) return "timed-out";
      auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
      ts.tv_sec = static_cast<time_t>(ns / 1000000000);
      ts.tv_nsec = static_cast<long>(ns % 1000000000);
      tsp = &ts;
    }
    // Shared memory is shared between threads of this process only: a private futex.
    long r = futex(addr, FUTEX_WAIT_PRIVATE, value, tsp);
    if (r == 0) return "ok";
    if (errno == EAGAIN) return "not-equal";
    if (errno == ETIMEDOUT) return "timed-out";
    // EINTR: a signal; wait again for the time that is left.
    if (ref.load() != value) return "ok";
  }
}

std::size_t notify(const Buffer& b, std::size_t index, std::size_t count) {
  (void)detail::at<std::int32_t>(b, index);
  auto* addr = reinterpret_cast<std::int32_t*>(const_cast<std::uint8_t*>(b.data())) + index;
  int n = count > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(count);
  long r = futex(addr, FUTEX_WAKE_PRIVATE, n, nullptr);
  return r > 0 ? static_cast<std::size_t>(r) : 0;
}

}  // namespace nodecc::Atomics
