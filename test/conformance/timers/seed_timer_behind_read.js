// Seed 事件循环: a 10 ms timer waits behind a readFile callback that blocks for 20 ms.
// The loop sits in poll, runs the read callback (busy 20 ms), and only then goes round
// to the timers phase: the timer fires late. Only deterministic facts are printed.
// (A first read warms the thread pool up, so the measured read takes the seed's ~2 ms.)
const fs = require('fs');
const path = require('path');

function someAsyncOperation(callback) {
  fs.readFile(path.resolve(__dirname, 'seed_timer_behind_read.js'), callback);
}

someAsyncOperation(() => {
  const timeoutScheduled = Date.now();
  let fileReadTime = 0;
  let readDone = false;

  setTimeout(() => {
    const delay = Date.now() - timeoutScheduled;
    console.log('timer ran after the read callback:', readDone);
    console.log('delay >= 20:', delay >= 20);
  }, 10);

  someAsyncOperation(() => {
    fileReadTime = Date.now();
    console.log('read callback');
    while (Date.now() - fileReadTime < 20) {
      // block for 20 ms
    }
    readDone = true;
  });
});
