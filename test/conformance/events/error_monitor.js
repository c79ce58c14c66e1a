// events.errorMonitor listeners see 'error' before the regular listeners and do not
// count as handlers.
const { EventEmitter, errorMonitor } = require('events');
const ee = new EventEmitter();
ee.on(errorMonitor, (err) => console.log('monitor', err.message));
ee.on('error', (err) => console.log('handler', err.message));
ee.emit('error', new Error('one'));
const ee2 = new EventEmitter();
ee2.on(errorMonitor, (err) => console.log('monitor only', err.message));
try {
  ee2.emit('error', new Error('two'));
} catch (e) {
  console.log('still thrown', e.message);
}
console.log('error listener count', ee2.listenerCount('error'));
