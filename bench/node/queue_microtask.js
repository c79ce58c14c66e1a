'use strict';
// 1,000,000 queueMicrotask callbacks queued in one batch (port: ../queue_microtask.cc).
const N = process.argv.includes('--quick') ? 1000 : 1e6;
let count = 0;
const start = process.hrtime.bigint();
function f() {
  if (++count === N) {
    const ns = Number(process.hrtime.bigint() - start);
    console.log(`BENCHDATA name=queueMicrotask unit=ms/1M value=${(ns / N).toFixed(3)} better=lower`);
  }
}
for (let i = 0; i < N; i++) queueMicrotask(f);
