// Readable -> PassThrough -> slow Writable (1 ms per write, small highWaterMark): 'pipe' and
// 'unpipe', the bytes arriving in order, the source pausing under backpressure, 'end' and
// 'finish' order; then pipe(dest, { end: false }) and unpipe() stopping the flow.
const { Readable, Writable, PassThrough } = require('stream');
let i = 0;
const src = new Readable({
  highWaterMark: 8,
  read() { i++; this.push(i <= 10 ? `<${String(i).padStart(2, '0')}>` : null); },
});
const pt = new PassThrough({ readableHighWaterMark: 8, writableHighWaterMark: 8 });
let got = '';
const slow = new Writable({
  highWaterMark: 4,
  write(chunk, encoding, cb) { got += chunk.toString(); setTimeout(cb, 1); },
});
let pauses = 0, resumes = 0;
src.on('pause', () => pauses++);
src.on('resume', () => resumes++);
pt.on('pipe', (s) => console.log('pt pipe from src', s === src));
slow.on('pipe', (s) => console.log('slow pipe from pt', s === pt));
pt.on('unpipe', (s) => console.log('pt unpipe from src', s === src));
slow.on('unpipe', (s) => console.log('slow unpipe from pt', s === pt));
src.on('end', () => console.log('src end'));
pt.on('end', () => console.log('pt end'));
pt.on('finish', () => console.log('pt finish'));
slow.on('finish', () => {
  console.log('slow finish', got, got.length);
  console.log('src paused at least once', pauses > 0, 'resumed', resumes > 1);
  part2();
});
src.pipe(pt).pipe(slow);
console.log('flowing', src.readableFlowing, pt.readableFlowing);
function part2() {
  console.log('--- end: false');
  const dest = new PassThrough();
  let out = '';
  dest.on('data', (d) => { out += d; });
  const a = new Readable({ read() {} });
  a.pipe(dest, { end: false });
  a.push('a1');
  a.push(null);
  a.on('end', () => setImmediate(() => {
    console.log('a ended, dest writable', dest.writable, 'ended', dest.writableEnded, out);
    const b = new Readable({ read() {} });
    b.pipe(dest, { end: false });
    b.push('b1');
    setImmediate(() => {
      b.unpipe(dest);
      console.log('unpiped, flowing', b.readableFlowing, 'out', out);
      b.push('b2');
      setImmediate(() => {
        console.log('after unpipe out', out, 'b length', b.readableLength);
        dest.end('!');
        dest.on('end', () => console.log('dest end', out));
      });
    });
  }));
}
