// The 'readable' event: once('readable') cycles that read only part of the buffer (a new
// 'readable' only after more data), 'readable' for an empty stream at EOF (read() null, then
// 'end'), read(n) larger than what is buffered waiting for more, and a PassThrough read
// through 'readable' while being written, with its write callbacks held by backpressure;
// a PassThrough ended before anything read it (a Transform starts with sync false).
const { Readable, PassThrough } = require('stream');
const r = new Readable({ read() {}, highWaterMark: 4 });
let round = 0;
function cycle() {
  r.once('readable', () => {
    round++;
    const c = r.read(3);
    console.log('readable', round, 'read(3)', String(c), 'length', r.readableLength,
      'flowing', r.readableFlowing);
    if (round < 5) cycle();
  });
}
cycle();
r.push('abcdef');
setImmediate(() => {
  console.log('push gh', r.push('gh'));
  setImmediate(() => {
    console.log('push null');
    r.push(null);
  });
});
r.on('end', () => { console.log('r end, round', round); setImmediate(part2); });
function part2() {
  console.log('--- empty');
  const e = new Readable({ read() { console.log('e _read'); this.push(null); } });
  e.on('readable', () => console.log('e readable, read', e.read(), 'ended', e.readableEnded));
  e.on('end', () => { console.log('e end'); setImmediate(part3); });
}
function part3() {
  console.log('--- read(n) waiting');
  const q = new Readable({ read() {} });
  q.on('readable', () => {
    const c = q.read(5);
    console.log('q readable, read(5)', String(c), 'length', q.readableLength);
  });
  q.push('ab');
  setImmediate(() => { q.push('cd'); setImmediate(() => { q.push('efg'); q.push(null); }); });
  q.on('end', () => { console.log('q end'); setImmediate(part4); });
}
function part4() {
  console.log('--- passthrough');
  const p = new PassThrough({ highWaterMark: 4 });
  for (const s of ['11', '22', '33', '44']) {
    console.log('write', s, p.write(s, () => console.log('write cb', s)),
      'rlen', p.readableLength, 'wlen', p.writableLength);
  }
  p.end();
  p.on('readable', () => {
    let c;
    while ((c = p.read()) !== null) console.log('p read', c.toString(), 'rlen', p.readableLength);
  });
  p.on('end', () => console.log('p end'));
  p.on('finish', () => console.log('p finish'));
  p.on('close', () => { console.log('p close'); setImmediate(part5); });
}
function part5() {
  console.log('--- passthrough ended before any read');
  const t = new PassThrough();
  t.on('readable', () => console.log('t readable, read', t.read(), 'ended', t.readableEnded));
  t.on('end', () => console.log('t end'));
  t.end();
  console.log('t after end()');
  process.nextTick(() => console.log('t tick'));
}
