// Node's test-event-emitter-prepend: prependListener / prependOnceListener go first.
const EventEmitter = require('events');
const myEE = new EventEmitter();
let m = 0;
myEE.on('foo', () => console.log('last', m));
myEE.prependListener('foo', () => console.log('second', m++));
myEE.prependOnceListener('foo', () => console.log('first', m++));
myEE.emit('foo');
myEE.emit('foo');
console.log('count', myEE.listenerCount('foo'));
