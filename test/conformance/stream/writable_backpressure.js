// A Writable whose write() calls back on setImmediate, highWaterMark 10: write()'s return
// value, writableLength and writableNeedDrain after each write, 'drain', the write
// callbacks' order, then end(cb) with 'prefinish'/'finish', the end callback and 'close'.
const { Writable } = require('stream');
const w = new Writable({
  highWaterMark: 10,
  write(chunk, encoding, cb) {
    console.log('_write', chunk.toString(), 'length', w.writableLength);
    setImmediate(cb);
  },
});
function state(label) {
  console.log(label, 'length', w.writableLength, 'needDrain', w.writableNeedDrain,
    'ended', w.writableEnded, 'finished', w.writableFinished);
}
w.on('drain', () => {
  state('drain');
  w.end('last', (err) => {
    console.log('end cb', err);
    state('after end cb');
  });
  state('after end()');
});
w.on('prefinish', () => state('prefinish'));
w.on('finish', () => state('finish'));
w.on('close', () => console.log('close, destroyed', w.destroyed, 'closed', w.closed));
for (const s of ['aaaa', 'bbbb', 'cc', 'dddd']) {
  const ret = w.write(s, (err) => console.log('write cb', s, err));
  console.log('write', s, 'returned', ret);
  state('  after write');
}
console.log('highWaterMark', w.writableHighWaterMark, 'writable', w.writable);
process.nextTick(() => state('tick'));
