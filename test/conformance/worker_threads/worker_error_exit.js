'use strict';
// An exception the worker does not catch: the parent gets 'error' with the error's
// name, code, message and own properties, then 'exit' with 1; the worker's own
// process 'exit' listeners ran with 1; the main thread goes on.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  process.on('exit', (code) => parentPort.postMessage(`worker 'exit' listener: ${code}`));
  parentPort.once('message', () => {
    const e = new TypeError('boom');
    e.code = 'ERR_BOOM';
    e.detail = { reason: 'testing', n: 3 };
    throw e;
  });
} else {
  const w = new Worker(__filename);
  const events = [];
  w.on('online', () => {
    console.log('online');
    w.postMessage('go');
  });
  w.on('message', (m) => events.push(`message: ${m}`));
  w.on('error', (e) => {
    events.push(`error: ${e.name} ${e.code} ${e.message} ${JSON.stringify(e.detail)}`);
  });
  w.on('exit', (code) => {
    events.sort();
    for (const e of events) console.log(e);
    console.log('exit', code);
    setTimeout(() => console.log('the main thread goes on'), 1);
  });
}
