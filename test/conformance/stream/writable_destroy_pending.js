// destroy() while writes are pending: the callback of the write in progress and of every
// buffered write get ERR_STREAM_DESTROYED, then 'close'; write() afterwards fails the same.
const { Writable } = require('stream');
let pending = null;
const w = new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) {
    console.log('_write', chunk.toString());
    pending = cb;
  },
});
w.on('error', (e) => console.log('error event', e.code));
w.on('close', () => console.log('close, destroyed', w.destroyed, 'errored', w.errored));
w.on('finish', () => console.log('finish (never)'));
for (const s of ['a', 'bb', 'ccc']) {
  const ret = w.write(s, (err) => console.log('cb', s, err ? err.code : err));
  console.log('write', s, ret, 'length', w.writableLength);
}
setImmediate(() => {
  w.destroy();
  console.log('destroyed', w.destroyed, 'length', w.writableLength);
  pending();  // the write in progress completes after the destroy
  w.write('late', (err) => console.log('late cb', err && err.code, err && err.message));
  w.end((err) => console.log('end cb', err && err.code, err && err.message));
  console.log('sync end');
});
