'use strict';
// A port moved into a worker: the worker answers through it and closes it, which
// emits 'close' on the main side; the moved (or a closed) port can be neither moved again
// nor posted (DataCloneError, not ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST)
// and the port listed without appearing in the value is moved too;
// worker.postMessage after 'exit' is dropped without error.
const { Worker, isMainThread, parentPort, MessageChannel } = require('worker_threads');

function attempt(what, f) {
  try {
    f();
    console.log(what, '-> ok');
  } catch (e) {
    console.log(what, '->', e.name, e.code, JSON.stringify(e.message));
  }
}

if (!isMainThread) {
  parentPort.on('message', (m) => {
    if (m.port) {
      m.port.postMessage(`hello through the port, keys ${Object.keys(m).join(',')}`);
      m.port.close();
    } else {
      parentPort.postMessage(`plain ${JSON.stringify(m)}`);
      parentPort.close();
    }
  });
} else {
  const w = new Worker(__filename);
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m) => console.log('port1 message:', m));
  port1.on('close', () => {
    console.log('port1 close');
    const extra = new MessageChannel();
    attempt('list only', () => w.postMessage({ n: 1 }, [extra.port2]));
    attempt('post the listed port', () => port1.postMessage(extra.port2, [extra.port2]));
    extra.port1.close();
  });
  w.postMessage({ port: port2, tag: 't' }, [port2]);
  attempt('move port2 again', () => w.postMessage({ port: port2 }, [port2]));
  attempt('clone port2', () => w.postMessage({ port: port2 }));
  const closed = new MessageChannel();
  closed.port1.close();
  attempt('clone a closed port', () => w.postMessage([closed.port1]));
  attempt('move a closed port', () => w.postMessage(closed.port1, [closed.port1]));
  w.on('message', (m) => console.log('worker message:', m));
  w.on('exit', (code) => {
    console.log('exit', code);
    attempt('post after exit', () => w.postMessage('late'));
  });
}
