'use strict';
// Starting a worker and terminating it: from Worker creation to 'exit', one at a time
// (port: ../worker_startup.cc).
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', () => {});
} else {
  const N = process.argv.includes('--quick') ? 5 : 100;
  let done = 0;
  const start = process.hrtime.bigint();
  const startOne = () => {
    const w = new Worker(__filename);
    w.on('online', () => w.terminate());
    w.on('exit', () => {
      if (++done === N) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(`BENCHDATA name=worker_start_terminate unit=ms value=${(ms / N).toFixed(3)} better=lower`);
        return;
      }
      startOne();
    });
  };
  startOne();
}
