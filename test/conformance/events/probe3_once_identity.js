// Once wrappers and listener identity: the listener that 'removeListener' receives when a
// once listener fires (the wrapper when the event had several listeners, the original when
// it was alone); off() removes the most recent match, wrapper or not; a once listener that
// throws is already removed; once('error') handles one error only; removeAllListeners
// during an emit does not stop the snapshot; prepended once listeners added during an
// emit wait for the next one.
const EventEmitter = require('events');
const log = (...a) => console.log(...a);
const f = () => log('  f runs');
const g = () => log('  g runs');
const name = (l) => (l === f ? 'f' : l === g ? 'g' : 'other');
{
  const ee = new EventEmitter();
  ee.on('removeListener', (n, l) => log('removeListener', n, name(l)));
  ee.once('x', f);
  ee.on('x', g);
  ee.emit('x');
  ee.once('y', f);
  ee.emit('y');
  ee.once('z', f);
  ee.on('z', g);
  ee.removeListener('z', f);
  ee.prependOnceListener('w', f);
  ee.prependOnceListener('w', g);
  ee.emit('w');
  log('w left', ee.listenerCount('w'));
}
{
  const ee = new EventEmitter();
  ee.on('a', f);
  ee.once('a', f);
  ee.off('a', f);
  log('after off: a', ee.listenerCount('a'));
  ee.emit('a');
  ee.emit('a');
  ee.once('b', f);
  ee.on('b', f);
  ee.off('b', f);
  ee.emit('b');
  log('b left', ee.listenerCount('b'));
}
{
  const ee = new EventEmitter();
  ee.once('t', () => { throw new Error('once threw'); });
  ee.on('t', g);
  try { ee.emit('t'); } catch (e) { log('caught', e.message, 't left', ee.listenerCount('t')); }
  ee.emit('t');
  ee.once('error', (e) => log('once error handler', e.message));
  log('first error handled', ee.emit('error', new Error('e1')));
  try { ee.emit('error', new Error('e2')); } catch (e) { log('second error thrown', e.message); }
}
{
  const ee = new EventEmitter();
  ee.on('s', () => {
    log('  s1: removeAllListeners');
    ee.removeAllListeners('s');
    ee.prependOnceListener('s', () => log('  prepended once'));
  });
  ee.on('s', () => log('  s2 still runs'));
  ee.emit('s');
  log('s count', ee.listenerCount('s'));
  ee.emit('s');
  log('s count', ee.listenerCount('s'), 'emit on empty', ee.emit('s'));
}
