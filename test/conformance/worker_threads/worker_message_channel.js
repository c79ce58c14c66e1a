'use strict';
// Node's test-worker-message-channel: a transferred typed array arrives and the
// sender's ArrayBuffer is detached; closing one port closes both; a port sent to a
// worker works there. (Steps run one after the other so the trace is ordered.)
const { MessageChannel, MessagePort, Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', ({ port }) => {
    port.postMessage(port instanceof MessagePort ? 'works' : 'not a port');
  });
} else {
  {
    const channel = new MessageChannel();
    channel.port1.on('message', ({ typedArray }) => {
      console.log('1: received', JSON.stringify(Array.from(typedArray)));
    });
    const typedArray = new Uint8Array([0, 1, 2, 3, 4]);
    channel.port2.postMessage({ typedArray }, [typedArray.buffer]);
    console.log('1: sender byteLength after transfer', typedArray.buffer.byteLength);
    channel.port2.close();
  }
  {
    const channel = new MessageChannel();
    channel.port1.on('close', () => {
      console.log('2: port1 close');
      step3();
    });
    channel.port2.on('close', () => console.log('2: port2 close'));
    channel.port2.close();
    channel.port1.ref();
  }
}

function step3() {
  const channel = new MessageChannel();
  const w = new Worker(__filename);
  w.postMessage({ port: channel.port2 }, [channel.port2]);
  console.log('3: port1 is a MessagePort', channel.port1 instanceof MessagePort);
  channel.port1.on('message', (message) => {
    console.log('3: port1 got', message);
    w.terminate();
    channel.port1.close();
  });
  w.on('exit', (code) => console.log('3: worker exit', code));
}
