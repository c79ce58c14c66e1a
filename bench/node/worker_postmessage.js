'use strict';
// postMessage round trips between the main thread and a worker (port: ../worker_postmessage.cc).
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (m) => parentPort.postMessage(m));
} else {
  const N = process.argv.includes('--quick') ? 2000 : 200000;
  const warmup = N / 10;
  const w = new Worker(__filename);
  let count = 0;
  let start = 0n;
  w.on('message', (m) => {
    ++count;
    if (count === warmup) start = process.hrtime.bigint();
    if (count === warmup + N) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`BENCHDATA name=worker_postmessage_roundtrip unit=roundtrips/s value=${(N / s).toFixed(3)} better=higher`);
      w.terminate();
      return;
    }
    w.postMessage({ seq: count, payload: m.payload });
  });
  w.postMessage({ seq: 0, payload: 'hello' });
}
