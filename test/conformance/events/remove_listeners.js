// Node's test-event-emitter-remove-listeners: 'removeListener' fires after removal with
// the name and listener; removing an unknown listener does nothing; the listener array
// seen by an emit in progress is a snapshot.
const EventEmitter = require('events');
function listener1() { console.log('listener1'); }
function listener2() { console.log('listener2'); }
{
  const ee = new EventEmitter();
  ee.on('hello', listener1);
  ee.on('removeListener', (name, cb) => console.log('removeListener', name, cb === listener1));
  ee.removeListener('hello', listener1);
  console.log('left', ee.listeners('hello').length);
}
{
  const ee = new EventEmitter();
  ee.on('hello', listener1);
  ee.on('removeListener', () => console.log('removeListener (should not run)'));
  ee.removeListener('hello', listener2);
  console.log('unknown listener: still', ee.listeners('hello').length);
}
{
  const ee = new EventEmitter();
  ee.on('hello', listener1);
  ee.on('hello', listener2);
  ee.once('removeListener', (name, cb) => {
    console.log('removed first', name, cb === listener1, 'left', ee.listeners('hello').length);
  });
  ee.removeListener('hello', listener1);
  ee.once('removeListener', (name, cb) => {
    console.log('removed second', name, cb === listener2, 'left', ee.listeners('hello').length);
  });
  ee.removeListener('hello', listener2);
}
{
  const ee = new EventEmitter();
  function remove1() { console.log('remove1 (should not run)'); }
  function remove2() { console.log('remove2 (should not run)'); }
  let calls = 0;
  ee.on('removeListener', function(name, cb) {
    calls++;
    if (cb !== remove1) return;
    this.removeListener('quux', remove2);
    this.emit('quux');
  });
  ee.on('quux', remove1);
  ee.on('quux', remove2);
  ee.removeListener('quux', remove1);
  console.log('removeListener calls', calls);
}
{
  const ee = new EventEmitter();
  let n3 = 0;
  let n4 = 0;
  const listener4 = () => { n4++; };
  const listener3 = () => {
    n3++;
    ee.removeListener('hello', listener4);
  };
  ee.on('hello', listener3);
  ee.on('hello', listener4);
  ee.emit('hello'); // listener4 still runs: the emit uses the array as it was
  ee.emit('hello');
  console.log('snapshot', n3, n4);
}
{
  const ee = new EventEmitter();
  ee.once('hello', listener1);
  ee.on('removeListener', (name, cb) => console.log('once removal', name, cb === listener1));
  ee.emit('hello');
}
{
  const ee = new EventEmitter();
  console.log('removing from an empty emitter returns it', ee.removeListener('foo', listener1) === ee);
}
