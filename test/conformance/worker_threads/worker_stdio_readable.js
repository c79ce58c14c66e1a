'use strict';
// worker.stdout / worker.stderr with { stdout: true, stderr: true } are Readables: setEncoding
// gives strings, stderr pipes into a Writable, and the order of 'exit', 'end', 'close' and the
// sink's 'finish' is Node's (the streams are ended before 'exit', 'end' comes on a later tick).
const { Worker, isMainThread } = require('worker_threads');
const { Writable } = require('stream');

if (!isMainThread) {
  console.log('line one');
  console.log('line two', 2);
  console.error('to stderr');
} else {
  const w = new Worker(__filename, { stdout: true, stderr: true });
  console.log('stdout is', w.stdout.constructor.name, typeof w.stdout.pipe, w.stdout.readable);
  w.stdout.setEncoding('utf8');
  let text = '';
  const types = new Set();
  w.stdout.on('data', (d) => { text += d; types.add(typeof d); });
  w.stdout.on('end', () => console.log('stdout end', JSON.stringify(text), [...types].join()));
  w.stdout.on('close', () => console.log('stdout close'));
  const chunks = [];
  const sink = new Writable({
    write(c, e, cb) { chunks.push(c.toString()); cb(); },
  });
  sink.on('finish', () => console.log('sink finish', JSON.stringify(chunks.join(''))));
  console.log('pipe returns the sink', w.stderr.pipe(sink) === sink);
  w.on('exit', (code) => {
    console.log('exit', code, 'stdout readableEnded', w.stdout.readableEnded);
    process.nextTick(() => console.log('tick after exit'));
  });
}
