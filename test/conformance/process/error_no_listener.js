// Emitting 'error' with no listener throws the error: it goes the uncaught path (stderr
// shows it, exit code 1).
const EventEmitter = require('events');
const ee = new EventEmitter();
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  console.log('emitting');
  const err = new Error('connect ECONNREFUSED 127.0.0.1:1');
  err.code = 'ECONNREFUSED';
  ee.emit('error', err);
  console.log('not reached');
}, 1);
