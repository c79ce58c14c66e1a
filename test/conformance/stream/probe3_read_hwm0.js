// highWaterMark 0: push() returns false even into an empty buffer, read(0) with data
// buffered emits 'readable' instead of reading, read() returns everything, read(n) above the
// mark raises readableHighWaterMark to the next power of two; a hwm-0 stream whose _read
// pushes synchronously consumed through 'readable' and then through 'data'.
const { Readable } = require('stream');
let reads = 0;
const r = new Readable({
  highWaterMark: 0,
  read(size) { reads++; console.log('_read', reads, 'size', size, 'length', r.readableLength); },
});
console.log('hwm', r.readableHighWaterMark, 'length', r.readableLength);
console.log('read(0) empty', r.read(0), 'reads', reads);
console.log('push a', r.push('a'), 'length', r.readableLength);
console.log('push bc', r.push('bc'), 'length', r.readableLength);
console.log('read(0) with data', r.read(0), 'length', r.readableLength);
process.nextTick(() => console.log('tick 1'));
r.once('readable', () => {
  console.log('readable, length', r.readableLength);
  console.log('read(1)', String(r.read(1)), 'length', r.readableLength);
  console.log('read()', String(r.read()), 'length', r.readableLength);
  console.log('read() empty', r.read(), 'length', r.readableLength);
  console.log('read(5) empty', r.read(5), 'hwm', r.readableHighWaterMark);
  console.log('push defghij', r.push('defghij'), 'length', r.readableLength);
  console.log('read(5)', String(r.read(5)), 'length', r.readableLength);
  console.log('read(100)', r.read(100), 'hwm', r.readableHighWaterMark);
  setImmediate(part2);
});
function part2() {
  console.log('--- sync hwm 0');
  let n = 0;
  const s = new Readable({
    highWaterMark: 0,
    read(size) {
      n++;
      console.log('s _read', n, 'size', size);
      if (n <= 3) this.push('s' + n);
      else if (n === 4) setImmediate(() => this.push(null));
    },
  });
  let rounds = 0;
  const onReadable = () => {
    rounds++;
    let c;
    const got = [];
    while ((c = s.read()) !== null) got.push(c.toString());
    console.log('s readable', rounds, got.join(','), 'length', s.readableLength);
    if (rounds === 2) {
      s.removeListener('readable', onReadable);
      s.on('data', (d) => console.log('s data', d.toString()));
      console.log('s flowing after switch', s.readableFlowing);
    }
  };
  s.on('readable', onReadable);
  s.on('end', () => console.log('s end, reads', n));
  s.on('close', () => console.log('s close'));
}
