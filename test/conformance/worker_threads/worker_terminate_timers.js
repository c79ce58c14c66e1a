'use strict';
// Node's test-worker-terminate-timers: terminate() while the worker is inside a timer
// or immediate callback. Node interrupts the callback at once; a C++ callback cannot be
// interrupted, so here the callback stays busy for 50 ms instead of forever, and the
// worker stops when it returns to its loop. Either way: 'exit' with 1.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function busy(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

if (!isMainThread) {
  const schedule = { setTimeout, setImmediate, setInterval }[workerData];
  schedule(() => {
    parentPort.postMessage({});
    busy(50);
  });
} else {
  const fns = ['setTimeout', 'setImmediate', 'setInterval'];
  const next = (i) => {
    if (i === fns.length) return;
    const worker = new Worker(__filename, { workerData: fns[i] });
    let messages = 0;
    worker.on('message', () => {
      if (++messages === 1) worker.terminate();
    });
    worker.on('exit', (code) => {
      console.log(`${fns[i]}: terminated with`, code, 'after at least one message:', messages >= 1);
      next(i + 1);
    });
  };
  next(0);
}
