// The same unhandled 'error' with an 'uncaughtException' listener: the process goes on.
const EventEmitter = require('events');
const ee = new EventEmitter();
process.on('uncaughtException', (err) => console.log('caught', err.message, err.code));
setTimeout(() => {
  ee.emit('error', new Error('boom'));
}, 1);
setTimeout(() => console.log('later timer still runs'), 5);
