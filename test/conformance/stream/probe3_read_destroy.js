// destroy(err) from inside _read (started by on('data')): 'error' then 'close', flags, no
// 'end'; _read that pushes then destroys in the same call; _read that throws; a Duplex
// destroyed while a _write is pending: the in-flight callback completes normally later,
// the buffered write and end() callbacks get ERR_STREAM_DESTROYED.
const { Readable, Duplex } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
const flags = (s) => `destroyed ${s.destroyed} errored ${show(s.errored)} aborted ${s.readableAborted} readable ${s.readable}`;
function watch(name, s) {
  for (const ev of ['end', 'close', 'pause', 'resume']) s.on(ev, () => console.log(name, ev, flags(s)));
  s.on('error', (e) => console.log(name, 'error', show(e), flags(s)));
}
let n = 0;
const a = new Readable({
  read() {
    n++;
    console.log('a _read', n);
    if (n === 2) {
      this.destroy(new Error('read failed'));
      console.log('a after destroy in _read', flags(this), 'push', this.push('late'));
    } else {
      process.nextTick(() => this.push('chunk' + n));
    }
  },
});
watch('a', a);
a.on('data', (d) => console.log('a data', d.toString()));
a.on('close', () => setImmediate(partB));
function partB() {
  console.log('--- b');
  const b = new Readable({
    read() {
      console.log('b _read');
      this.push('pushed');
      this.destroy();
      console.log('b after', flags(this), 'length', this.readableLength);
    },
  });
  watch('b', b);
  b.on('readable', () => console.log('b readable (never)'));
  b.on('data', (d) => console.log('b data', d.toString()));
  b.on('close', () => setImmediate(partC));
}
function partC() {
  console.log('--- c');
  const c = new Readable({ read() { throw new Error('thrown in read'); } });
  watch('c', c);
  console.log('c read()', c.read(), flags(c));
  c.on('close', () => setImmediate(partD));
}
function partD() {
  console.log('--- d');
  let pending;
  const d = new Duplex({
    read() {},
    write(chunk, enc, cb) { console.log('d _write', chunk.toString()); pending = cb; },
  });
  watch('d', d);
  d.on('finish', () => console.log('d finish (never)'));
  d.write('one', (e) => console.log('d cb one', show(e)));
  d.write('two', (e) => console.log('d cb two', show(e)));
  d.end((e) => console.log('d end cb', show(e)));
  d.destroy();
  console.log('d destroyed', flags(d), 'wlength', d.writableLength);
  setImmediate(() => {
    console.log('d completing pending write');
    pending();
    console.log('d after pending', 'wlength', d.writableLength);
  });
}
