// Helpers shared by the worker_threads unit tests.
#pragma once

#include <dirent.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <thread>

namespace nodecc::testing {

/// Entries of a /proc/self directory (threads in task/, descriptors in fd/).
inline std::size_t countEntries(const char* dir) {
  std::size_t n = 0;
  if (DIR* d = ::opendir(dir)) {
    while (dirent* e = ::readdir(d))
      if (e->d_name[0] != '.') ++n;
    ::closedir(d);
  }
  return n;
}
inline std::size_t threadCount() { return countEntries("/proc/self/task"); }
/// Descriptors open now (without the one opendir itself uses).
inline std::size_t fdCount() { return countEntries("/proc/self/fd") - 1; }

/// Runs one worker first, so that threads the runtime (or a sanitizer) starts on first
/// use are not counted as leaks. Defined in bad_input_test.cc.
void warmUpThreads();

/// Waits (up to 5 s) for the thread count to come back to `n`: a joined thread may
/// still be listed for a moment after pthread_join returns.
inline std::size_t settleThreads(std::size_t n) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::size_t now = threadCount();
  while (now > n && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    now = threadCount();
  }
  return now;
}

}  // namespace nodecc::testing
