'use strict';
// Sequential process creation: spawn('/bin/true') and wait for 'close', N times
// (port: ../spawn_true.cc).
const { spawn } = require('child_process');
const N = process.argv.includes('--quick') ? 20 : 2000;
let i = 0;
const start = process.hrtime.bigint();
function next() {
  if (i++ === N) {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`BENCHDATA name=spawn_true unit=spawns/s value=${(N / secs).toFixed(3)} better=higher`);
    return;
  }
  spawn('/bin/true').on('close', next);
}
next();
