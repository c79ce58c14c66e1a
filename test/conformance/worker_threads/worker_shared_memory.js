'use strict';
// A SharedArrayBuffer is shared, not copied: two workers and the main thread add to
// the same Int32 with Atomics; Atomics.wait/notify hand over a flag.
const { Worker, isMainThread, workerData } = require('worker_threads');

const N = 10000;
if (!isMainThread) {
  const ia = new Int32Array(workerData);
  for (let i = 0; i < N; i++) Atomics.add(ia, 0, 1);
  if (Atomics.add(ia, 1, 1) === 1) Atomics.notify(ia, 2);  // the second one to finish
  Atomics.store(ia, 2, 1);
  Atomics.notify(ia, 2);
} else {
  const sab = new SharedArrayBuffer(3 * 4);
  const ia = new Int32Array(sab);
  console.log('isLockFree(4)', Atomics.isLockFree(4));
  let exited = 0;
  for (let w = 0; w < 2; w++) {
    new Worker(__filename, { workerData: sab }).on('exit', (code) => {
      if (++exited === 2) {
        console.log('exit codes 0; total', Atomics.load(ia, 0), 'finished', Atomics.load(ia, 1));
      }
    });
  }
  for (let i = 0; i < N; i++) Atomics.add(ia, 0, 1);
  const r = Atomics.wait(ia, 2, 0, 10000);
  console.log('waited for a worker:', r === 'ok' || r === 'not-equal', 'flag', Atomics.load(ia, 2));
  console.log('wait on a changed value:', Atomics.wait(ia, 2, 0, 0));
  console.log('wait that times out:', Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5));
  console.log('compareExchange', Atomics.compareExchange(ia, 2, 1, 7), Atomics.load(ia, 2));
  console.log('exchange', Atomics.exchange(ia, 2, 1), 'and/or/xor',
              Atomics.and(ia, 2, 3), Atomics.or(ia, 2, 4), Atomics.xor(ia, 2, 1), Atomics.load(ia, 2));
  try {
    Atomics.load(ia, 3);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
