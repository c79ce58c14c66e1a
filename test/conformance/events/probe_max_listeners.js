// getMaxListeners follows events.defaultMaxListeners until setMaxListeners; the
// MaxListenersExceededWarning (type, count, symbol names, after the list shrank to one
// listener); 'error' with errorMonitor and a non-Error argument.
const events = require('events');
const { EventEmitter, errorMonitor } = events;
process.on('warning', (w) => console.log('warning', w.name, String(w.type), w.count, '|', w.message));
const ee = new EventEmitter();
const other = new EventEmitter();
console.log('default', events.defaultMaxListeners, ee.getMaxListeners());
events.defaultMaxListeners = 2;
console.log('after changing default', ee.getMaxListeners(), other.getMaxListeners());
other.setMaxListeners(5);
events.defaultMaxListeners = 10;
console.log('own limit kept', other.getMaxListeners(), 'default followed', ee.getMaxListeners());
try { ee.setMaxListeners(-1); } catch (e) { console.log(e.name, e.code, e.message); }
console.log('setMaxListeners returns this', ee.setMaxListeners(1) === ee, ee.getMaxListeners());
const a = () => {};
const b = () => {};
ee.on('x', a);
ee.on('x', b);      // 2 > 1: warning
ee.off('x', b);     // back to a single listener
ee.on('x', b);      // 2 > 1 again
ee.prependOnceListener('x', () => {});
ee.on(errorMonitor, () => {});
ee.on(errorMonitor, (err) => console.log('monitor saw', err));
console.log('listeners added', ee.listenerCount('x'));
try {
  ee.emit('error', { code: 42, msg: 'not an Error' });
} catch (e) {
  console.log(e.name, e.code, '|', e.message);
}
ee.on('error', (err) => console.log('handler saw', err));
console.log('emit returns', ee.emit('error', 'str'));
console.log('error listeners', ee.listenerCount('error'), 'monitor listeners', ee.listenerCount(errorMonitor));
