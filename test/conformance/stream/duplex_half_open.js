// Duplex allowHalfOpen: false -> the readable side's 'end' ends the writable side
// (_final, 'prefinish', 'finish', then 'close'); true -> the writable side stays open
// after 'end' until end() is called, and 'close' waits for both sides.
const { Duplex } = require('stream');
function make(name, allowHalfOpen) {
  const d = new Duplex({
    allowHalfOpen,
    read() {},
    write(chunk, enc, cb) { console.log(name, '_write', chunk.toString()); cb(); },
    final(cb) { console.log(name, '_final'); cb(); },
  });
  for (const ev of ['end', 'prefinish', 'finish', 'close']) {
    d.on(ev, () => console.log(name, ev, 'writable', d.writable, 'wEnded', d.writableEnded,
      'wFinished', d.writableFinished, 'rEnded', d.readableEnded, 'destroyed', d.destroyed));
  }
  d.on('data', (c) => console.log(name, 'data', c.toString()));
  return d;
}
const a = make('A', false);
console.log('A allowHalfOpen', a.allowHalfOpen);
a.write('w1');
a.push('r1');
a.push(null);
a.once('end', () => {
  console.log('A in end: writable', a.writable);
  a.write('in-end', (err) => console.log('A in-end cb', err && err.code));
  process.nextTick(() => console.log('A tick after end: writable', a.writable));
});
a.on('close', () => setImmediate(() => {
  a.write('late', (err) => console.log('A late cb', err && err.code));
  const b = make('B', true);
  console.log('B allowHalfOpen', b.allowHalfOpen);
  b.push('r2');
  b.push(null);
  b.once('end', () => setImmediate(() => {
    console.log('B after end: writable', b.writable, 'destroyed', b.destroyed);
    b.write('w2', () => console.log('B w2 cb'));
    b.end('w3', () => console.log('B end cb'));
    console.log('B after end(): writable', b.writable, 'wEnded', b.writableEnded);
  }));
}));
