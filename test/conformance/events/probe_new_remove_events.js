// 'newListener' / 'removeListener' around prepend and removeAllListeners, listeners added
// from those handlers, and eventNames() order.
const { EventEmitter, errorMonitor } = require('events');
const log = (...a) => console.log(...a);
const names = (ee) => ee.eventNames().map(String).join(',');
const p = () => log('  p runs');
const q = () => log('  q runs');
{
  const ee = new EventEmitter();
  ee.on('newListener', (ev, l) => {
    log('newListener', ev, l === p ? 'p' : l === q ? 'q' : '?', 'count before', ee.listenerCount(ev));
    if (ev === 'x' && l === p) ee.on('x', q);
  });
  ee.on('x', () => log('  first runs'));
  ee.prependListener('x', p);
  ee.prependOnceListener('y', q);
  log('x count', ee.listenerCount('x'));
  ee.emit('x');
  log('names', names(ee));
}
{
  const ee = new EventEmitter();
  const r1 = (ev, l) => log('r1 saw', ev, l === r2 ? 'r2' : l === r1 ? 'r1' : 'other');
  const r2 = (ev) => log('r2 saw', ev);
  ee.on('removeListener', r1);
  ee.on('removeListener', r2);
  ee.removeAllListeners('removeListener');
  log('left', ee.listenerCount('removeListener'), names(ee));
}
{
  const ee = new EventEmitter();
  let added = false;
  ee.on('x', p);
  ee.on('x', q);
  ee.on('removeListener', (ev, l) => {
    log('removed', ev, l === p ? 'p' : l === q ? 'q' : 'other');
    if (!added) { added = true; ee.on('x', () => {}); ee.on('z', () => {}); }
  });
  ee.removeAllListeners('x');
  log('after removeAllListeners(x): x', ee.listenerCount('x'), 'names', names(ee));
  ee.removeAllListeners();
  log('after removeAllListeners(): names', JSON.stringify(names(ee)));
}
{
  const ee = new EventEmitter();
  for (const n of ['b', '2', errorMonitor, 'error', '1', 'a']) ee.on(n, () => {});
  log('eventNames', names(ee));
  ee.removeAllListeners('2');
  ee.on('2', () => {});
  log('after re-adding 2', names(ee));
}
