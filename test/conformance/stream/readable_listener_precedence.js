// 'readable' takes precedence over 'data': with both attached the stream is not flowing and
// data comes out only through read(); removing the 'readable' listener hands the stream back
// to 'data' (flowing again on the next tick).
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.on('data', (d) => console.log('data', d.toString()));
console.log('after data: flowing', r.readableFlowing);
const onReadable = () => {
  let c;
  while ((c = r.read()) !== null) console.log('read', c.toString());
  console.log('readable done, length', r.readableLength);
};
r.on('readable', onReadable);
console.log('after readable: flowing', r.readableFlowing);
r.push('one');
r.push('two');
setImmediate(() => {
  r.removeListener('readable', onReadable);
  console.log('removed: flowing', r.readableFlowing, 'paused', r.isPaused());
  r.push('three');
  process.nextTick(() => console.log('next tick: flowing', r.readableFlowing));
  setImmediate(() => {
    r.push('four');
    r.push(null);
  });
});
r.on('end', () => console.log('end'));
