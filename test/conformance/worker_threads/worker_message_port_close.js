'use strict';
// Closing ports: the peer receives what was sent before the close, then emits 'close';
// what is posted after close() is dropped silently; messages waiting on the closing
// port are dropped; close() twice is harmless.
const { MessageChannel } = require('worker_threads');

const a = new MessageChannel();
a.port2.on('message', (m) => console.log('a.port2 message', m));
a.port1.on('close', () => console.log('a.port1 close'));
a.port2.on('close', () => console.log('a.port2 close'));
a.port1.postMessage(1);
a.port1.postMessage(2);
a.port1.close();
a.port1.close();
a.port1.postMessage(3);
console.log('posting to a closed port did not throw');

const b = new MessageChannel();
b.port1.on('message', (m) => console.log('b.port1 message (dropped)', m));
b.port2.postMessage('x');
b.port1.close(() => console.log('b.port1 close callback'));
b.port2.on('close', () => console.log('b.port2 close'));
b.port2.ref();

process.nextTick(() => console.log('tick'));
setImmediate(() => console.log('immediate'));
process.on('exit', () => console.log('exit'));
