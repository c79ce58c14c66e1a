// One source piped to a fast and a slow Writable (small highWaterMarks): the 'drain'
// events, the source's pause/resume, both receiving everything and finishing; a stuck
// destination destroyed while the source awaits its 'drain' (the source must go on feeding
// the other one); unpipe() of all destinations ('unpipe' on each, source paused); pipe with
// {end: false}; pipe() after the source already ended.
const { Readable, Writable, PassThrough } = require('stream');
function source(name, count) {
  let i = 0;
  return new Readable({
    highWaterMark: 4,
    read() { i++; this.push(i <= count ? name + i : null); },
  });
}
function sink(name, mode) {
  let got = '';
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) {
      got += chunk.toString();
      if (mode === 'fast') cb();
      else if (mode === 'slow') setImmediate(() => setImmediate(cb));
      // 'stuck': never calls back
    },
  });
  w.got = () => got;
  w.on('drain', () => console.log(name, 'drain, got', got));
  w.on('finish', () => console.log(name, 'finish, got', got));
  w.on('unpipe', () => console.log(name, 'unpipe'));
  w.on('close', () => console.log(name, 'close'));
  return w;
}
const src = source('s', 6);
let pauses = 0;
src.on('pause', () => { pauses++; });
src.on('end', () => console.log('src end, pauses>0', pauses > 0));
const fast = sink('fast', 'fast');
const slow = sink('slow', 'slow');
src.pipe(fast);
src.pipe(slow);
slow.on('close', () => setImmediate(part2));
function part2() {
  console.log('--- stuck destination destroyed');
  const s2 = source('t', 8);
  const ok = sink('ok', 'fast');
  const stuck = sink('stuck', 'stuck');
  s2.pipe(ok);
  s2.pipe(stuck);
  s2.on('end', () => console.log('s2 end'));
  setImmediate(() => setImmediate(() => {
    console.log('destroying stuck; s2 flowing', s2.readableFlowing, 'needDrain', stuck.writableNeedDrain);
    stuck.destroy();
  }));
  ok.on('close', () => setImmediate(part3));
}
function part3() {
  console.log('--- unpipe all, end: false, late pipe');
  const s3 = new Readable({ read() {} });
  const d1 = new PassThrough();
  const d2 = new PassThrough();
  s3.pipe(d1);
  s3.pipe(d2, { end: false });
  for (const [n, d] of [['d1', d1], ['d2', d2]]) {
    d.on('unpipe', (s) => console.log(n, 'unpipe', s === s3));
    d.on('data', (c) => console.log(n, 'data', c.toString()));
    d.on('end', () => console.log(n, 'end'));
  }
  s3.push('a');
  setImmediate(() => {
    s3.unpipe();
    console.log('unpiped all: flowing', s3.readableFlowing, 'd1 unpipe listeners', d1.listenerCount('unpipe'));
    s3.push('b');
    s3.push(null);
    setImmediate(() => {
      console.log('s3 length', s3.readableLength, 'ended', s3.readableEnded);
      s3.pipe(d2, { end: false });
      s3.on('end', () => {
        console.log('s3 end; d2 ended', d2.writableEnded);
        const s4 = new Readable({ read() {} });
        s4.on('end', () => setImmediate(() => {
          console.log('s4 ended; piping late');
          s4.pipe(d2);
        }));
        s4.resume();
        s4.push(null);
      });
    });
  });
}
