'use strict';
// Node's test-worker-message-port-receive-message: receiveMessageOnPort is FIFO,
// synchronous, and never emits 'message'; it rejects what is not a port.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const message1 = { hello: 'world' };
const message2 = { foo: 'bar' };

console.log(receiveMessageOnPort(port2));
port1.postMessage(message1);
port1.postMessage(message2);
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));

port2.on('message', () => console.log('message emitted (must not happen)'));
port1.postMessage(message1);
console.log(receiveMessageOnPort(port2));
port1.close();

try {
  receiveMessageOnPort(null);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
