// A Readable whose read() pushes over several ticks: flowing mode through a 'data'
// listener, readableFlowing as it changes, pause()/resume() and their events, then
// 'end' and 'close' in Node's order.
const { Readable } = require('stream');
let n = 0;
const r = new Readable({
  highWaterMark: 4,
  read(size) {
    n++;
    console.log('_read', n, 'size', size);
    if (n <= 3) setImmediate(() => r.push('chunk' + n));
    else r.push(null);
  },
});
console.log('flowing before', r.readableFlowing);
r.on('pause', () => console.log('pause event, flowing', r.readableFlowing));
r.on('resume', () => console.log('resume event, flowing', r.readableFlowing));
r.on('data', (d) => {
  console.log('data', d.toString(), 'length', r.readableLength);
  if (d.toString() === 'chunk1') {
    r.pause();
    console.log('paused', r.isPaused());
    setTimeout(() => { console.log('resuming'); r.resume(); }, 50);
  }
});
console.log('flowing after on(data)', r.readableFlowing);
r.on('end', () => console.log('end, ended', r.readableEnded, 'destroyed', r.destroyed));
r.on('close', () => console.log('close, destroyed', r.destroyed, 'closed', r.closed));
process.nextTick(() => console.log('tick'));
