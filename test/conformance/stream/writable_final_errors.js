// A final option that calls back later; write after end (ERR_STREAM_WRITE_AFTER_END to the
// callback and as 'error'); a write option that fails: 'error' then 'close', the errored and
// destroyed flags, and a later write getting ERR_STREAM_DESTROYED.
const { Writable } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
const c = new Writable({
  write(chunk, encoding, cb) { cb(); },
  final(cb) { console.log('c _final'); setTimeout(() => { console.log('c final cb'); cb(); }, 5); },
});
for (const ev of ['prefinish', 'finish', 'close']) {
  c.on(ev, () => console.log('c', ev, 'finished', c.writableFinished, 'destroyed', c.destroyed));
}
c.end('x', (err) => console.log('c end cb', err));
console.log('c ended', c.writableEnded, 'finished', c.writableFinished);
setTimeout(() => {
  console.log('--- a');
  const a = new Writable({
    write(chunk, encoding, cb) { console.log('a _write', chunk.toString()); cb(); },
    final(cb) { console.log('a _final'); setTimeout(() => { console.log('a final cb'); cb(); }, 5); },
  });
  a.on('finish', () => console.log('a finish (never)'));
  a.on('error', (e) => console.log('a error', show(e), 'errored', show(a.errored)));
  a.on('close', () => console.log('a close, destroyed', a.destroyed));
  a.write('one');
  a.end((err) => console.log('a end cb', show(err)));
  const r = a.write('two', (err) => console.log('a write-after-end cb', show(err)));
  console.log('a write after end returned', r, 'ended', a.writableEnded);
  process.nextTick(() => console.log('a tick'));
}, 20);
setTimeout(() => {
  console.log('--- b');
  const b = new Writable({
    write(chunk, encoding, cb) {
      console.log('b _write', chunk.toString());
      if (chunk.toString() === 'bad') setImmediate(() => cb(new Error('write failed')));
      else cb();
    },
  });
  b.on('error', (e) => console.log('b error', e.message, 'destroyed', b.destroyed,
    'errored', b.errored && b.errored.message, 'closed', b.closed));
  b.on('close', () => {
    console.log('b close, destroyed', b.destroyed, 'writable', b.writable);
    b.write('later', (err) => console.log('b later cb', show(err)));
    console.log('b later write sync');
  });
  b.on('finish', () => console.log('b finish (never)'));
  b.write('ok', (err) => console.log('b ok cb', show(err)));
  b.write('bad', (err) => console.log('b bad cb', show(err), 'destroyed', b.destroyed));
  b.write('queued', (err) => console.log('b queued cb', show(err)));
  console.log('b length', b.writableLength, 'errored', b.errored);
}, 40);
