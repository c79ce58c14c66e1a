// Emitting 'error' with a non-Error and no listener throws ERR_UNHANDLED_ERROR.
const EventEmitter = require('events');
const ee = new EventEmitter();
process.on('exit', (code) => console.log('exit', code));
ee.emit('error', 'just a string');
