// Node's test-event-emitter-listeners: listeners() returns copies, unwraps once
// listeners; rawListeners() keeps the once wrappers.
const events = require('events');
function listener() {}
function listener2() {}
{
  const ee = new events.EventEmitter();
  ee.on('foo', listener);
  const fooListeners = ee.listeners('foo');
  ee.removeAllListeners('foo');
  console.log('after removeAllListeners', ee.listeners('foo').length, 'copy kept', fooListeners.length);
}
{
  const ee = new events.EventEmitter();
  ee.on('foo', listener);
  const copy = ee.listeners('foo');
  copy.push(listener2);
  console.log('mutating the copy', ee.listeners('foo').length, copy.length);
}
{
  const ee = new events.EventEmitter();
  ee.on('foo', listener);
  const copy = ee.listeners('foo');
  ee.on('foo', listener2);
  console.log('adding after the copy', ee.listeners('foo').length, copy.length);
}
{
  const ee = new events.EventEmitter();
  ee.once('foo', listener);
  console.log('once listener unwrapped', ee.listeners('foo')[0] === listener);
}
{
  const ee = new events.EventEmitter();
  ee.on('foo', listener);
  ee.once('foo', listener2);
  const l = ee.listeners('foo');
  console.log('mixed', l[0] === listener, l[1] === listener2);
}
{
  class TestStream extends events.EventEmitter {}
  const s = new TestStream();
  console.log('subclass empty', s.listeners('foo').length);
}
{
  const ee = new events.EventEmitter();
  ee.on('foo', listener);
  ee.once('foo', listener);
  const raw = ee.rawListeners('foo');
  console.log('raw', raw.length, raw[0] === listener, raw[1] === listener, raw[1].listener === listener);
  ee.emit('foo');
  console.log('after emit', ee.rawListeners('foo').length, raw.length);
}
{
  const ee = new events.EventEmitter();
  ee.on('a', listener);
  ee.on('b', listener);
  ee.on('a', listener2);
  console.log('eventNames', ee.eventNames().join(','), 'listenerCount a', ee.listenerCount('a'));
  console.log('getEventListeners', events.getEventListeners(ee, 'a').length);
}
