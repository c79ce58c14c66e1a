// destroy(err) while flowing: 'error' then 'close' on a later tick, flags before and after,
// buffered data still flowing in that tick, push() after destroy ignored; a _destroy that
// calls back from setImmediate; destroy() twice; destroy with a callback, with and without err.
const { Readable } = require('stream');
const flags = (s) => `destroyed ${s.destroyed} closed ${s.closed} errored ${s.errored && s.errored.message}`;
const r = new Readable({ read() {} });
r.push('one'); r.push('two'); r.push('three');
r.on('data', (d) => {
  console.log('data', d.toString(), 'length', r.readableLength);
  if (d.toString() !== 'two') return;
  console.log('before destroy:', flags(r));
  r.destroy(new Error('boom'));
  console.log('after destroy:', flags(r), 'aborted', r.readableAborted);
  console.log('push after destroy', r.push('four'), 'length', r.readableLength);
  r.destroy(new Error('second'));
  console.log('after second destroy:', flags(r));
  process.nextTick(() => console.log('tick after destroy'));
});
r.on('end', () => console.log('end (unexpected)'));
r.on('error', (e) => console.log('error', e.message, flags(r)));
r.on('close', () => { console.log('close', flags(r)); setImmediate(part2); });
class Slow extends Readable {
  _read() {}
  _destroy(err, cb) {
    console.log('_destroy called with', err && err.message);
    setImmediate(() => { console.log('_destroy calls back'); cb(err); });
  }
}
function part2() {
  const s = new Slow();
  s.on('error', (e) => console.log('slow error', e.message, flags(s)));
  s.on('close', () => { console.log('slow close', flags(s)); part3(); });
  s.destroy(new Error('slow'), (err) => console.log('destroy cb', err && err.message, flags(s)));
  console.log('slow after destroy:', flags(s));
  s.destroy(null, (err) => console.log('second destroy cb', err ? err.message : 'no error', flags(s)));
  console.log('slow after second destroy:', flags(s));
}
function part3() {
  const q = new Readable({ read() {} });
  q.on('close', () => console.log('q close', flags(q), 'aborted', q.readableAborted));
  q.on('error', (e) => console.log('q error (unexpected)', e.message));
  q.destroy(null, (err) => console.log('q destroy cb', err ? err.message : 'no error', flags(q)));
  console.log('q after destroy:', flags(q), 'push', q.push('x'), 'readable', q.readable);
}
