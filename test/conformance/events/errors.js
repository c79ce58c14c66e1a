// Node's test-event-emitter-errors: emitting 'error' without a listener throws the error
// itself when it is an Error, and ERR_UNHANDLED_ERROR (the value inspected) otherwise.
const EventEmitter = require('events');
const EE = new EventEmitter();
for (const arg of ['Accepts a string', 42, undefined]) {
  try {
    EE.emit('error', arg);
  } catch (e) {
    console.log(e.name, e.code, '|', e.message);
  }
}
try {
  EE.emit('error');
} catch (e) {
  console.log('no argument:', e.code, '|', e.message);
}
const err = new Error('real error');
try {
  EE.emit('error', err);
} catch (e) {
  console.log('same error thrown', e === err, e.message);
}
EE.on('error', (e) => console.log('handled', e.message));
console.log('emit returns', EE.emit('error', new Error('now handled')));
console.log('emit without listeners returns', EE.emit('nothing'));
