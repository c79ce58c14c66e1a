'use strict';
// 1 MiB ArrayBuffers moved (transferList) back and forth between the main thread and a
// worker (port: ../worker_transfer.cc).
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (b) => parentPort.postMessage(b, [b.buffer]));
} else {
  const N = process.argv.includes('--quick') ? 200 : 20000;
  const w = new Worker(__filename);
  let count = 0;
  let start = 0n;
  w.on('message', (b) => {
    if (++count === N) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`BENCHDATA name=worker_transfer_1mib unit=transfers/s value=${(2 * N / s).toFixed(3)} better=higher`);
      w.terminate();
      return;
    }
    w.postMessage(b, [b.buffer]);
  });
  const first = Buffer.alloc(1 << 20);
  start = process.hrtime.bigint();
  w.postMessage(first, [first.buffer]);
}
