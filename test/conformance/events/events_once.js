// Node's test-events-once: events.once resolves with the arguments array and removes its
// listeners; it rejects when 'error' comes first; awaiting 'error' itself resolves.
const { once, EventEmitter } = require('events');

async function onceAnEvent() {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('myevent', 42));
  const [value] = await once(ee, 'myevent');
  console.log('onceAnEvent', value, ee.listenerCount('error'), ee.listenerCount('myevent'));
}
async function onceAnEventWithTwoArgs() {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('myevent', 42, 24));
  const value = await once(ee, 'myevent');
  console.log('onceAnEventWithTwoArgs', value.join(','));
}
async function catchesErrors() {
  const ee = new EventEmitter();
  const expected = new Error('kaboom');
  let err;
  process.nextTick(() => ee.emit('error', expected));
  try {
    await once(ee, 'myevent');
  } catch (e) {
    err = e;
  }
  console.log('catchesErrors', err === expected, ee.listenerCount('error'), ee.listenerCount('myevent'));
}
async function stopListeningAfterCatchingError() {
  const ee = new EventEmitter();
  const expected = new Error('kaboom');
  let err;
  process.nextTick(() => {
    ee.emit('error', expected);
    ee.emit('myevent', 42, 24);
  });
  try {
    await once(ee, 'myevent');
  } catch (e) {
    err = e;
  }
  console.log('stopListening', err === expected, ee.listenerCount('error'), ee.listenerCount('myevent'));
}
async function onceError() {
  const ee = new EventEmitter();
  const expected = new Error('kaboom');
  process.nextTick(() => ee.emit('error', expected));
  const [err] = await once(ee, 'error');
  console.log('onceError', err === expected, ee.listenerCount('error'), ee.listenerCount('myevent'));
}
Promise.all([
  onceAnEvent(),
  onceAnEventWithTwoArgs(),
  catchesErrors(),
  stopListeningAfterCatchingError(),
  onceError(),
]).then(() => console.log('all done'));
