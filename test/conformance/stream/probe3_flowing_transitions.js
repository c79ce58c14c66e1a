// readableFlowing null/true/false through pause() on a fresh stream, on('data') while
// explicitly paused, resume(), on('readable') while flowing, removeListener('readable')
// (applied on the next tick), removeListener('data') (no pause), and removeAllListeners:
// Node's removeAllListeners('data') leaves the data-listening flag set, and
// removeAllListeners('readable') / removeAllListeners() always schedule the
// readable-listening update, even with no 'readable' listener.
const { Readable } = require('stream');
function mk(name) {
  const r = new Readable({ read() {} });
  r.on('pause', () => console.log(name, 'pause event, flowing', r.readableFlowing));
  r.on('resume', () => console.log(name, 'resume event, flowing', r.readableFlowing));
  return r;
}
const f = (r) => `${r.readableFlowing} paused ${r.isPaused()}`;
const steps = [];
const next = () => { const s = steps.shift(); if (s) setImmediate(s); };
const a = mk('a');
const onData = (d) => console.log('a data', d.toString());
steps.push(() => {
  console.log('a fresh', f(a));
  a.pause();
  console.log('a after pause', f(a));
  a.on('data', onData);
  console.log('a after on(data)', f(a));
  a.push('1');
  process.nextTick(() => { console.log('a tick', f(a), 'length', a.readableLength); a.resume(); console.log('a resume()', f(a)); });
  next();
});
steps.push(() => {
  const onR = () => console.log('a readable, read', String(a.read()));
  a.on('readable', onR);
  console.log('a on(readable)', f(a));
  a.push('2');
  setImmediate(() => {
    a.removeListener('readable', onR);
    console.log('a removed readable', f(a));
    process.nextTick(() => { console.log('a tick after remove', f(a)); a.push('3'); });
    next();
  });
});
steps.push(() => {
  a.removeListener('data', onData);
  console.log('a removed data', f(a));
  a.push('4');
  setImmediate(() => { console.log('a after push 4 length', a.readableLength, f(a)); next(); });
});
steps.push(() => {
  const b = mk('b');
  b.on('data', (d) => console.log('b data', d.toString()));
  b.pause();
  b.removeAllListeners('data');
  console.log('b removeAll(data)', f(b), 'count', b.listenerCount('data'));
  const onR = () => {};
  b.on('readable', onR);
  b.removeListener('readable', onR);
  b.push('x');
  process.nextTick(() => console.log('b tick', f(b)));
  setImmediate(() => { console.log('b later', f(b), 'length', b.readableLength); next(); });
});
steps.push(() => {
  const c = mk('c');
  c.on('data', (d) => console.log('c data', d.toString()));
  c.pause();
  c.push('y');
  c.removeAllListeners('readable');
  console.log('c removeAll(readable)', f(c));
  process.nextTick(() => console.log('c tick', f(c)));
  setImmediate(() => { console.log('c later', f(c), 'length', c.readableLength); next(); });
});
steps.push(() => {
  const d = mk('d');
  d.on('data', (x) => console.log('d data (never)', x.toString()));
  d.pause();
  d.removeAllListeners();
  console.log('d removeAll()', f(d));
  d.push('z');
  process.nextTick(() => console.log('d tick', f(d)));
  setImmediate(() => console.log('d later', f(d), 'length', d.readableLength));
});
next();
