'use strict';
// terminate() twice: both promises resolve with 1 once the worker has exited; the
// worker's own process 'exit' listeners do not run when it is terminated.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  process.on('exit', () => parentPort.postMessage('worker exit listener (never)'));
  setInterval(() => {}, 1000);
  parentPort.postMessage('up');
} else {
  const w = new Worker(__filename);
  w.on('message', async (m) => {
    console.log('message', m);
    if (m !== 'up') return;
    const p1 = w.terminate();
    const p2 = w.terminate();
    console.log('terminate returned promises', p1 instanceof Promise, p2 instanceof Promise);
    console.log('resolved', await p1, await p2);
  });
  w.on('exit', (code) => console.log('exit', code, 'threadId', w.threadId));
}
