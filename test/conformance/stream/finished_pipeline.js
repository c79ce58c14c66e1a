// stream.finished on a stream that ends normally and on one destroyed before ending
// (ERR_STREAM_PREMATURE_CLOSE); stream.pipeline that succeeds, and one whose destination
// errors: the source is destroyed and the callback gets the error once.
const { Readable, Writable, finished, pipeline } = require('stream');
const show = (e) => (e ? `${e.code || '-'} ${e.message}` : e);
const r1 = new Readable({ read() {} });
finished(r1, (err) => console.log('finished r1', show(err), 'ended', r1.readableEnded));
r1.on('end', () => console.log('r1 end'));
r1.resume();
r1.push('x');
r1.push(null);
const w1 = new Writable({ write(c, e, cb) { setImmediate(cb); } });
finished(w1, (err) => console.log('finished w1', show(err), 'destroyed', w1.destroyed));
w1.on('close', () => console.log('w1 close'));
w1.write('a');
w1.destroy();
console.log('w1 destroyed', w1.destroyed);
setTimeout(() => {
  console.log('--- pipeline ok');
  let got = '';
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(c, e, cb) { got += c; setImmediate(cb); } });
  dst.on('finish', () => console.log('dst finish'));
  pipeline(src, dst, (err) => {
    console.log('pipeline ok cb', show(err), got, 'src destroyed', src.destroyed,
      'dst destroyed', dst.destroyed);
  });
  src.push('he');
  src.push('llo');
  src.push(null);
}, 10);
setTimeout(() => {
  console.log('--- pipeline error');
  let calls = 0;
  const src = new Readable({ read() {} });
  src.on('close', () => console.log('src close, destroyed', src.destroyed, 'ended', src.readableEnded));
  src.on('error', (e) => console.log('src error', show(e)));
  const dst = new Writable({
    write(c, e, cb) {
      console.log('dst _write', c.toString());
      setImmediate(() => cb(Object.assign(new Error('disk full'), { code: 'EFULL' })));
    },
  });
  dst.on('error', (e) => console.log('dst error', show(e)));
  dst.on('close', () => console.log('dst close'));
  pipeline(src, dst, (err) => {
    calls++;
    console.log('pipeline err cb', show(err), 'calls', calls, 'src destroyed', src.destroyed);
    setTimeout(() => console.log('calls total', calls), 5);
  });
  src.push('a');
  src.push('b');
}, 30);
