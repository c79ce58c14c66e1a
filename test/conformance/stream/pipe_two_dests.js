// One Readable piped into two Writables: every chunk reaches both, the slower one's
// backpressure pauses the source for both; unpipe() of one mid-way leaves the other fed;
// 'unpipe' is emitted on the one removed; 'finish' only on the one still piped.
const { Readable, Writable } = require('stream');
let n = 0;
const src = new Readable({
  highWaterMark: 2,
  read() {
    n++;
    if (n <= 6) this.push('c' + n);
    else this.push(null);
  },
});
function sink(name, delay) {
  const got = [];
  const w = new Writable({
    highWaterMark: 2,
    write(chunk, enc, cb) {
      got.push(chunk.toString());
      if (name === 'fast' && got.length === 3) {
        src.unpipe(w);
        console.log('unpiped fast, src flowing', src.readableFlowing);
      }
      if (delay) setTimeout(cb, delay); else cb();
    },
  });
  w.on('pipe', (s) => console.log(name, 'pipe', s === src));
  w.on('unpipe', (s) => console.log(name, 'unpipe', s === src, 'got', got.join(',')));
  w.on('finish', () => console.log(name, 'finish', got.join(',')));
  return w;
}
const fast = sink('fast', 0);
const slow = sink('slow', 2);
src.pipe(fast);
src.pipe(slow);
src.on('end', () => console.log('src end'));
src.on('close', () => console.log('src close'));
slow.on('close', () => console.log('slow close'));
