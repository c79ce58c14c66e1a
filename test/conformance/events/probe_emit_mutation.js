// Listener list changes during emit(): adding, removing, removeAllListeners, once listeners
// removed before they fire, a nested emit that fires a once listener, and the same function
// added with once() and on().
const EventEmitter = require('events');
const log = (...a) => console.log(...a);
const names = new Map();
const shape = (ee, n) => ee.rawListeners(n).map((l) => (l.listener ? 'once:' + names.get(l.listener) : names.get(l))).join(',');
const fn = (name, body) => { const f = (...a) => { log(' ', name, ...a); body(...a); }; names.set(f, name); return f; };
{
  const ee = new EventEmitter();
  const c = fn('c', () => {});
  ee.on('x', fn('a', () => ee.on('x', c)));
  ee.on('x', fn('b', () => log('  count in b', ee.listenerCount('x'))));
  log('emit 1', ee.emit('x'), shape(ee, 'x'));
  log('emit 2', ee.emit('x'), shape(ee, 'x'));
}
{
  const ee = new EventEmitter();
  ee.on('x', fn('a', () => ee.removeAllListeners('x')));
  ee.on('x', fn('b', () => log('  count in b', ee.listenerCount('x'), ee.eventNames())));
  log('emit 1', ee.emit('x'));
  log('emit 2', ee.emit('x'));
}
{
  const ee = new EventEmitter();
  const o = fn('o', () => {});
  ee.on('x', fn('a', () => { ee.off('x', o); log('  after off', shape(ee, 'x')); }));
  ee.once('x', o);
  log('emit 1', ee.emit('x'), shape(ee, 'x'));
  log('emit 2', ee.emit('x'), shape(ee, 'x'));
}
{
  const ee = new EventEmitter();
  ee.on('x', fn('a', (depth) => { if (depth === 0) log('  inner emit', ee.emit('x', 1)); }));
  ee.once('x', fn('o', () => log('  shape in o', shape(ee, 'x'))));
  log('emit 1', ee.emit('x', 0), shape(ee, 'x'));
  log('emit 2', ee.emit('x', 0), shape(ee, 'x'));
}
{
  const ee = new EventEmitter();
  const f = fn('f', () => log('  shape in f', shape(ee, 'x')));
  ee.once('x', f);
  ee.on('x', f);
  ee.once('x', f);
  log('before', shape(ee, 'x'));
  log('emit 1', ee.emit('x'), shape(ee, 'x'));
}
