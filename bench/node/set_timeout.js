'use strict';
// 1,000,000 setTimeout(f, 0) callbacks scheduled in one batch (port: ../set_timeout.cc).
const N = process.argv.includes('--quick') ? 1000 : 1e6;
let count = 0;
const start = process.hrtime.bigint();
function f() {
  if (++count === N) {
    const ns = Number(process.hrtime.bigint() - start);
    console.log(`BENCHDATA name=setTimeout0 unit=ms/1M value=${(ns / N).toFixed(3)} better=lower`);
  }
}
for (let i = 0; i < N; i++) setTimeout(f, 0);
