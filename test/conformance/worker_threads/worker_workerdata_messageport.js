'use strict';
// Node's test-worker-workerdata-messageport: workerData carries ports and moved
// ArrayBuffers listed in transferList; a port missing from the list is an error.
const { Worker, MessageChannel, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  if (workerData.kind === 'ports') {
    workerData.message.postMessage('hello through port 1');
    workerData.message2.postMessage('hello through port 2');
  } else {
    parentPort.postMessage(workerData);
  }
} else {
  const channel1 = new MessageChannel();
  const channel2 = new MessageChannel();
  const data = { kind: 'ports', message: channel1.port1, message2: channel2.port1 };
  const transferList = [channel1.port1, channel2.port1];
  new Worker(__filename, { workerData: data, transferList }).on('exit', (code) => {
    console.log('ports worker exit', code);
    channel1.port2.once('message', (m) => {
      console.log('channel1:', m);
      channel2.port2.once('message', (m2) => {
        console.log('channel2:', m2);
        bytes();
      });
    });
  });
}

function bytes() {
  const uint8Array = new Uint8Array([1, 2, 3, 4]);
  const w = new Worker(__filename, { workerData: uint8Array, transferList: [uint8Array.buffer] });
  console.log('sender length after transfer', uint8Array.length);
  w.on('message', (message) => console.log('echoed', JSON.stringify(Array.from(message))));
  w.on('exit', (code) => {
    console.log('bytes worker exit', code);
    missing();
  });
}

function missing() {
  const channel1 = new MessageChannel();
  const channel2 = new MessageChannel();
  const workerData = { message: channel1.port1, message2: channel2.port1 };
  try {
    new Worker(__filename, { workerData, transferList: [] });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
