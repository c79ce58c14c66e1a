// end() called twice before 'finish' (both callbacks, before the 'finish' event), end()
// after 'finish' (ERR_STREAM_ALREADY_FINISHED to the callback, no 'error'), end(chunk) after
// 'finish' (ERR_STREAM_WRITE_AFTER_END to the callback; 'error' only when not autoDestroyed),
// end() after destroy(), and end() on a stream errored with autoDestroy false.
const { Writable } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
function mk(name, opts = {}) {
  const w = new Writable({
    write(chunk, enc, cb) {
      console.log(name, '_write', chunk.toString());
      if (chunk.toString() === 'bad') cb(new Error('bad chunk')); else setImmediate(cb);
    },
    ...opts,
  });
  for (const ev of ['prefinish', 'finish', 'close']) w.on(ev, () => console.log(name, ev));
  w.on('error', (e) => console.log(name, 'error', show(e)));
  return w;
}
const a = mk('a');
a.write('x');
a.end((err) => console.log('a end cb 1', show(err), 'finished', a.writableFinished));
a.end((err) => console.log('a end cb 2', show(err)));
console.log('a ended', a.writableEnded, 'writable', a.writable, 'finished', a.writableFinished);
a.on('finish', () => {
  a.end((err) => console.log('a end in finish', show(err)));
  process.nextTick(() => console.log('a tick after finish'));
});
a.on('close', () => setImmediate(partB));
function partB() {
  console.log('--- b (autoDestroy false)');
  const b = mk('b', { autoDestroy: false });
  b.end('one');
  b.on('finish', () => {
    b.end((err) => console.log('b end after finish', show(err)));
    b.end('two', (err) => console.log('b end(two) after finish', show(err)));
    console.log('b sync: destroyed', b.destroyed, 'errored', show(b.errored));
    setImmediate(() => {
      console.log('b later: destroyed', b.destroyed, 'errored', show(b.errored));
      partC();
    });
  });
}
function partC() {
  console.log('--- c (destroyed)');
  const c = mk('c');
  c.destroy();
  c.end((err) => console.log('c end after destroy', show(err)));
  console.log('c ended', c.writableEnded);
  c.on('close', () => {
    c.end((err) => console.log('c end after close', show(err)));
    setImmediate(partD);
  });
}
function partD() {
  console.log('--- d (errored, autoDestroy false)');
  const d = mk('d', { autoDestroy: false });
  d.write('bad', (err) => console.log('d write cb', show(err)));
  console.log('d errored', show(d.errored), 'destroyed', d.destroyed);
  d.end((err) => console.log('d end cb', show(err)));
  d.end('more', (err) => console.log('d end(more) cb', show(err)));
  console.log('d ended', d.writableEnded, 'writable', d.writable);
  setImmediate(() => console.log('d later: destroyed', d.destroyed, 'finished', d.writableFinished));
}
