// cork()/uncork() with both write and writev options: nested corks, writableCorked at each
// step, the batch that reaches writev, write callbacks' order, and the uncork scheduled with
// process.nextTick as Node's docs recommend.
const { Writable } = require('stream');
const w = new Writable({
  highWaterMark: 100,
  write(chunk, encoding, cb) {
    console.log('_write', chunk.toString(), 'corked', w.writableCorked);
    process.nextTick(cb);
  },
  writev(chunks, cb) {
    console.log('_writev', chunks.length, chunks.map((c) => c.chunk.toString()).join('|'),
      'length', w.writableLength);
    setImmediate(cb);
  },
});
const cb = (s) => (err) => console.log('cb', s, err, 'length', w.writableLength);
w.write('first', cb('first'));
w.cork();
console.log('corked', w.writableCorked);
w.write('a', cb('a'));
w.cork();
console.log('corked', w.writableCorked);
w.write('b', cb('b'));
w.write('c', cb('c'));
console.log('length', w.writableLength);
w.uncork();
console.log('uncorked once', w.writableCorked, 'length', w.writableLength);
w.uncork();
console.log('uncorked twice', w.writableCorked, 'length', w.writableLength);
w.uncork();
console.log('extra uncork', w.writableCorked);
setImmediate(() => {
  console.log('--- nextTick uncork');
  w.cork();
  w.write('x', cb('x'));
  w.write('y', cb('y'));
  console.log('corked', w.writableCorked, 'length', w.writableLength);
  process.nextTick(() => {
    console.log('tick: uncork');
    w.uncork();
    console.log('after uncork', w.writableCorked, 'length', w.writableLength);
  });
  w.write('z', cb('z'));
  console.log('after z', w.writableLength);
});
w.on('finish', () => console.log('finish'));
setTimeout(() => w.end(() => console.log('end cb')), 20);
