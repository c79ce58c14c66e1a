// _write calling back with an error synchronously: write() returns false, errored is set at
// once, a write made in the same tick is buffered and gets the same error, then the
// callbacks, 'error' and 'close' in order; _write calling back twice (ERR_MULTIPLE_CALLBACK);
// _final failing synchronously; _final calling back twice ('finish' still comes).
const { Writable } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
const flags = (w) => `destroyed ${w.destroyed} errored ${show(w.errored)} closed ${w.closed} writable ${w.writable}`;
function watch(name, w) {
  for (const ev of ['prefinish', 'finish', 'close']) w.on(ev, () => console.log(name, ev, flags(w)));
  w.on('error', (e) => console.log(name, 'error', show(e), flags(w)));
}
const a = new Writable({
  write(chunk, enc, cb) { console.log('a _write', chunk.toString()); cb(new Error('sync fail')); },
});
watch('a', a);
console.log('a write one', a.write('one', (e) => console.log('a cb one', show(e), flags(a))));
console.log('a sync', flags(a), 'length', a.writableLength);
console.log('a write two', a.write('two', (e) => console.log('a cb two', show(e))));
console.log('a length', a.writableLength);
a.end((e) => console.log('a end cb', show(e)));
process.nextTick(() => console.log('a tick'));
a.on('close', () => setImmediate(partB));
function partB() {
  console.log('--- b');
  let n = 0;
  const b = new Writable({
    write(chunk, enc, cb) {
      n++;
      console.log('b _write', chunk.toString());
      cb();
      if (n === 1) setImmediate(() => { console.log('b second call'); cb(); });
    },
  });
  watch('b', b);
  b.write('x', (e) => console.log('b cb x', show(e)));
  b.on('close', () => setImmediate(partC));
}
function partC() {
  console.log('--- c');
  const c = new Writable({
    write(chunk, enc, cb) { cb(); },
    final(cb) { console.log('c _final'); cb(new Error('final failed')); },
  });
  watch('c', c);
  c.write('x', (e) => console.log('c write cb', show(e)));
  c.end((e) => console.log('c end cb', show(e), flags(c)));
  console.log('c after end', flags(c));
  c.on('close', () => setImmediate(partD));
}
function partD() {
  console.log('--- d');
  const d = new Writable({
    write(chunk, enc, cb) { cb(); },
    final(cb) {
      console.log('d _final');
      setImmediate(() => { cb(); console.log('d after first final cb'); cb(); });
    },
  });
  watch('d', d);
  d.end('y', (e) => console.log('d end cb', show(e)));
}
