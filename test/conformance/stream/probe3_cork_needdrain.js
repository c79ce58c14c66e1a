// cork() with writev batching against a small highWaterMark: write() return values,
// writableNeedDrain/writableLength/writableCorked while corked, 'drain' after the batch;
// a stream with only writev (a lone write goes to writev as a batch of one); end() while
// corked twice fully uncorks; a writev that fails: every batched callback gets the error,
// then 'error' and 'close'; destroy() while corked with buffered writes.
const { Writable } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
function mk(name, opts) {
  const w = new Writable({
    highWaterMark: 5,
    writev(chunks, cb) {
      const s = chunks.map((c) => c.chunk.toString()).join('|');
      console.log(name, '_writev', chunks.length, s, 'length', w.writableLength,
        'needDrain', w.writableNeedDrain);
      if (s.includes('bad')) setImmediate(() => cb(new Error('writev failed')));
      else setImmediate(cb);
    },
    ...opts,
  });
  const st = () => `length ${w.writableLength} needDrain ${w.writableNeedDrain} corked ${w.writableCorked}`;
  w.st = st;
  for (const ev of ['drain', 'finish', 'close']) w.on(ev, () => console.log(name, ev, st()));
  w.on('error', (e) => console.log(name, 'error', show(e), 'errored', show(w.errored), st()));
  return w;
}
const cb = (n, s) => (err) => console.log(n, 'cb', s, show(err));
const a = mk('a');
a.write('one', cb('a', 'one'));
console.log('a single write went to writev', a.st());
a.cork();
console.log('a write abc', a.write('abc', cb('a', 'abc')), a.st());
console.log('a write def', a.write('def', cb('a', 'def')), a.st());
a.uncork();
console.log('a uncorked', a.st());
a.once('drain', () => {
  a.cork();
  a.cork();
  a.write('x', cb('a', 'x'));
  a.write('y');
  a.write('z', cb('a', 'z'));
  console.log('a corked twice', a.st());
  a.end('end', cb('a', 'end()'));
  console.log('a after end', a.st(), 'ended', a.writableEnded);
});
a.on('close', () => setImmediate(partB));
function partB() {
  console.log('--- b');
  const b = mk('b', { write(c, e, cb) { console.log('b _write', c.toString()); setImmediate(cb); } });
  b.write('first', cb('b', 'first'));
  b.write('ok', cb('b', 'ok'));
  b.write('bad', cb('b', 'bad'));
  b.write('after', cb('b', 'after'));
  console.log('b', b.st());
  b.on('close', () => setImmediate(partC));
}
function partC() {
  console.log('--- c');
  const c = mk('c');
  c.cork();
  c.write('p', cb('c', 'p'));
  c.write('q', cb('c', 'q'));
  c.end(cb('c', 'end()'));
  console.log('c ended while corked', c.st());
  c.cork();
  console.log('c corked again', c.st());
  c.destroy();
  console.log('c destroyed', c.st());
}
