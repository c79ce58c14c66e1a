// removeAllListeners: per event (LIFO 'removeListener' events) and for every event, with
// 'removeListener' itself removed last.
const EventEmitter = require('events');
const ee = new EventEmitter();
function a() {}
function b() {}
function c() {}
ee.on('x', a);
ee.on('x', b);
ee.on('y', c);
ee.on('removeListener', (name, fn) => {
  console.log('removed', name, fn === a ? 'a' : fn === b ? 'b' : fn === c ? 'c' : 'other');
});
ee.removeAllListeners('x');
console.log('names after x', ee.eventNames().join(','));
ee.on('x', a);
ee.removeAllListeners();
console.log('names after all', JSON.stringify(ee.eventNames()));
console.log('returns this', ee.removeAllListeners('nothing') === ee);
