// Node's test-event-emitter-max-listeners-warning: one MaxListenersExceededWarning per
// event name, when the count first exceeds the limit.
const events = require('events');
class Custom extends events.EventEmitter {}
const e = new events.EventEmitter();
e.setMaxListeners(1);
process.on('warning', (warning) => {
  console.log(warning.name, '|', warning.message);
});
e.on('event-type', () => {});
e.on('event-type', () => {}); // Trigger warning.
e.on('event-type', () => {}); // Verify that warning is emitted only once.
const c = new Custom();
for (let i = 0; i < 11; i++) c.on('data', () => {});
console.log('default max', events.defaultMaxListeners, c.getMaxListeners());
const z = new events.EventEmitter();
z.setMaxListeners(0);
for (let i = 0; i < 20; i++) z.on('x', () => {});
console.log('listeners added');
