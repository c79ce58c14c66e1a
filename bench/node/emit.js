'use strict';
// 1,000,000 emits of one event with one argument to 3 listeners (port: ../emit.cc).
const EventEmitter = require('events');
const N = process.argv.includes('--quick') ? 1000 : 1e6;
const ee = new EventEmitter();
let a = 0, b = 0, c = 0;
ee.on('event', (x) => { a += x; });
ee.on('event', (x) => { b ^= x; });
ee.on('event', () => { ++c; });
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) ee.emit('event', i);
const ns = Number(process.hrtime.bigint() - start);
console.log(`BENCHDATA name=emit3 unit=ms/1M value=${(ns / N).toFixed(3)} better=lower`);
if (c !== N) throw new Error('emit: a listener missed calls');
