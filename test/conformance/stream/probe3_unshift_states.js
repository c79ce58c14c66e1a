// unshift() in various states: before anything was read (return value against
// highWaterMark, empty chunk), from inside a 'data' handler while flowing (re-entrant
// 'data'), from inside the 'end' handler (ERR_STREAM_UNSHIFT_AFTER_END_EVENT destroys the
// stream before autoDestroy does), after 'end' with autoDestroy false (the 'error' is emitted
// synchronously), and after destroy() (false, nothing buffered).
const { Readable } = require('stream');
const show = (e) => (e ? `${e.code} ${e.message}` : e);
const r = new Readable({ read() {}, highWaterMark: 4 });
console.log('unshift ab', r.unshift(Buffer.from('ab')), 'length', r.readableLength,
  'flowing', r.readableFlowing);
console.log('unshift cdef', r.unshift(Buffer.from('cdef')), 'length', r.readableLength);
console.log('unshift empty', r.unshift(Buffer.alloc(0)), 'length', r.readableLength);
console.log('push gh', r.push('gh'), 'length', r.readableLength);
console.log('read(3)', String(r.read(3)), 'length', r.readableLength);
console.log('read()', String(r.read()), 'length', r.readableLength);
let depth = 0;
r.on('data', (d) => {
  depth++;
  console.log('data', d.toString(), 'depth', depth, 'length', r.readableLength);
  if (d.toString() === 'one') {
    console.log('  unshift back', r.unshift(Buffer.from('back')), 'length', r.readableLength);
  }
  depth--;
});
r.on('end', () => {
  console.log('end, destroyed', r.destroyed);
  console.log('unshift in end', r.unshift(Buffer.from('late')), 'destroyed', r.destroyed,
    'errored', show(r.errored), 'length', r.readableLength);
});
r.on('error', (e) => console.log('error', show(e), 'destroyed', r.destroyed));
r.on('close', () => {
  console.log('close, errored', show(r.errored));
  part2();
});
setImmediate(() => {
  console.log('flowing', r.readableFlowing);
  r.push('one');
  r.push('two');
  r.push(null);
});
function part2() {
  const q = new Readable({ read() {}, autoDestroy: false });
  q.on('error', (e) => console.log('q error', show(e), 'destroyed', q.destroyed));
  q.on('close', () => console.log('q close (unexpected)'));
  q.on('end', () => {
    console.log('q end');
    setImmediate(() => {
      console.log('q unshift after end', q.unshift(Buffer.from('x')));
      console.log('q after: destroyed', q.destroyed, 'errored', show(q.errored),
        'readable', q.readable);
      console.log('q unshift again', q.unshift(Buffer.from('y')), 'length', q.readableLength);
      part3();
    });
  });
  q.resume();
  q.push(null);
}
function part3() {
  const d = new Readable({ read() {} });
  d.push('abc');
  d.destroy();
  console.log('d unshift after destroy', d.unshift(Buffer.from('zz')), 'length',
    d.readableLength);
  d.on('close', () => console.log('d close, length', d.readableLength));
}
