// Paused mode: push() return values against highWaterMark, read(0), read(n) below, across
// and above what is buffered, readableLength after each, then a 'readable' listener with a
// read() loop, push(null) from outside _read, and 'end' then 'close' after the last read.
const { Readable } = require('stream');
let reads = 0;
const r = new Readable({
  highWaterMark: 8,
  read(size) { reads++; console.log('_read', reads, 'size', size); },
});
console.log('push abc', r.push('abc'), 'length', r.readableLength);
console.log('push defgh', r.push('defgh'), 'length', r.readableLength);
console.log('push ij', r.push('ij'), 'length', r.readableLength);
console.log('read(0)', r.read(0), 'length', r.readableLength);
console.log('read(2)', r.read(2), 'length', r.readableLength);
console.log('read(4)', String(r.read(4)), 'length', r.readableLength);
console.log('read(10)', r.read(10), 'length', r.readableLength, 'hwm', r.readableHighWaterMark);
console.log('flowing', r.readableFlowing, 'paused', r.isPaused());
let round = 0;
r.on('readable', () => {
  round++;
  console.log('readable', round, 'length', r.readableLength, 'ended', r.readableEnded);
  let chunk;
  while ((chunk = r.read()) !== null) {
    console.log('  chunk', chunk.toString(), 'length', r.readableLength);
  }
  if (round === 1) {
    setImmediate(() => {
      console.log('push klm', r.push('klm'), 'length', r.readableLength);
      console.log('push nopqrs', r.push('nopqrs'), 'length', r.readableLength);
      console.log('push null', r.push(null), 'length', r.readableLength);
      console.log('after push null, ended', r.readableEnded);
    });
  }
});
console.log('flowing after readable', r.readableFlowing);
r.on('end', () => console.log('end, length', r.readableLength, 'ended', r.readableEnded,
  'destroyed', r.destroyed));
r.on('close', () => console.log('close, destroyed', r.destroyed, 'closed', r.closed,
  'read after', r.read()));
process.nextTick(() => console.log('tick, length', r.readableLength));
