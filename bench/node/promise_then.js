'use strict';
// 1,000,000 reactions (`p.then(f)`) on one resolved promise, attached in one batch
// (port: ../promise_then.cc).
const N = process.argv.includes('--quick') ? 1000 : 1e6;
let count = 0;
const start = process.hrtime.bigint();
function f() {
  if (++count === N) {
    const ns = Number(process.hrtime.bigint() - start);
    console.log(`BENCHDATA name=promiseThen unit=ms/1M value=${(ns / N).toFixed(3)} better=lower`);
  }
}
const p = Promise.resolve();
for (let i = 0; i < N; i++) p.then(f);
