// Node's test-event-emitter-add-listeners: 'newListener' fires before the listener is
// added (with the event name and the listener), and a listener added from a
// 'newListener' handler lands before the one being added.
const EventEmitter = require('events');
{
  const ee = new EventEmitter();
  const names = [];
  const listeners = [];
  ee.on('newListener', function(event, listener) {
    if (event === 'newListener') return;
    names.push(event);
    listeners.push(listener);
  });
  const hello = (a, b) => console.log('hello', a, b);
  ee.once('newListener', function(name, listener) {
    console.log('once newListener', name, listener === hello, 'listeners so far', ee.listeners('hello').length);
  });
  const foo = () => console.log('foo (should not run)');
  ee.on('hello', hello);
  ee.once('foo', foo);
  console.log('newListener events', names.join(','), listeners[0] === hello, listeners[1] === foo);
  ee.emit('hello', 'a', 'b');
}
{
  const f = new EventEmitter();
  f.setMaxListeners(0);
  console.log('setMaxListeners(0) ok', f.getMaxListeners());
}
{
  const listen1 = () => {};
  const listen2 = () => {};
  const ee = new EventEmitter();
  ee.once('newListener', function() {
    console.log('inner sees', ee.listeners('hello').length);
    ee.once('newListener', function() {
      console.log('innermost sees', ee.listeners('hello').length);
    });
    ee.on('hello', listen2);
  });
  ee.on('hello', listen1);
  const l = ee.listeners('hello');
  console.log('order is listen2, listen1:', l[0] === listen2 && l[1] === listen1, l.length);
}
