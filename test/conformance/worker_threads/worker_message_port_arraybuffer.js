'use strict';
// Node's test-worker-message-port-arraybuffer: a typed array over a transferred
// ArrayBuffer arrives with its contents; port.close(callback) calls back on 'close'.
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();

const arrayBuffer = new ArrayBuffer(40);
const typedArray = new Uint32Array(arrayBuffer);
typedArray[0] = 0x12345678;

port1.postMessage(typedArray, [arrayBuffer]);
console.log('sender byteLength', arrayBuffer.byteLength, 'length', typedArray.length);
port2.on('message', (received) => {
  console.log('received[0] = 0x' + received[0].toString(16), 'byteLength', received.byteLength);
  port2.close(() => console.log('port2 closed'));
});
port1.on('close', () => console.log('port1 closed'));
