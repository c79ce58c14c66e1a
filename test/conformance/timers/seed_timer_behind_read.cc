// Port of seed_timer_behind_read.js.
#include <nodecc/fs.h>
#include <nodecc/path.h>

#include <chrono>

#include "conformance.h"

using namespace nodecc;

namespace {
std::int64_t dateNow() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
std::int64_t timeoutScheduled = 0;
std::int64_t fileReadTime = 0;
bool readDone = false;

template <class F>
void someAsyncOperation(F callback) {
  fs::readFile(path::resolve(process::cwd(), "seed_timer_behind_read.js"), std::move(callback));
}
}  // namespace

NODECC_CONFORMANCE_CASE(seed_timer_behind_read) {
  someAsyncOperation([] {
    timeoutScheduled = dateNow();

    setTimeout(
        [] {
          std::int64_t delay = dateNow() - timeoutScheduled;
          console::log("timer ran after the read callback:", readDone);
          console::log("delay >= 20:", delay >= 20);
        },
        10);

    someAsyncOperation([] {
      fileReadTime = dateNow();
      console::log("read callback");
      while (dateNow() - fileReadTime < 20) {
        // block for 20 ms
      }
      readDone = true;
    });
  });
}
