// Seed 事件循环 — a 10 ms timer waits behind a blocking read callback.
//
//   function someAsyncOperation(callback) { fs.readFile(..., callback); }
//   var timeoutScheduled = Date.now();
//   setTimeout(function() {
//     var delay = Date.now() - timeoutScheduled;
//     console.log('setTimeout:' + delay + 'ms have passed since I was scheduled');
//     console.log('fileReaderTime', fileReadtime - timeoutScheduled);
//   }, 10);
//   someAsyncOperation(function() {
//     fileReadtime = Date.now();
//     while (Date.now() - fileReadtime < 20) {}   // block 20 ms
//   });
//
// The loop waits in poll; the read finishes after a few ms and its callback blocks for
// 20 ms; only then does the loop reach the timers phase, so the timer fires ~22 ms late.
// The seed reads "/some.txt"; this program reads its own executable, which exists.
#include <nodecc/fs.h>
#include <nodecc/nodecc.h>

#include <chrono>

using namespace nodecc;

namespace {
std::int64_t dateNow() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
std::int64_t timeoutScheduled = 0;
std::int64_t fileReadTime = 0;

template <class F>
void someAsyncOperation(F callback) {
  fs::readFile(process::execPath(), std::move(callback));
}
}  // namespace

int main(int argc, char** argv) {
  return nodecc::main(argc, argv, [] {
    timeoutScheduled = dateNow();
    setTimeout(
        [] {
          std::int64_t delay = dateNow() - timeoutScheduled;
          console::log("setTimeout:" + std::to_string(delay) +
                       "ms have passed since I was scheduled");
          console::log("fileReaderTime", fileReadTime - timeoutScheduled);
        },
        10);
    someAsyncOperation([] {
      fileReadTime = dateNow();
      while (dateNow() - fileReadTime < 20) {
        // block for 20 ms
      }
    });
  });
}
