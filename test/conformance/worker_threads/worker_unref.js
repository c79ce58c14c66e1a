'use strict';
// worker.unref(): a worker that would run forever does not keep the process alive
// (it is stopped with the process; its 'exit' is not emitted); ref() again would.
// A parentPort with a 'message' listener is what keeps a worker running.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (m) => parentPort.postMessage(`echo ${m}`));
} else {
  const w = new Worker(__filename);
  w.on('exit', (code) => console.log('exit (never)', code));
  w.once('message', (m) => {
    console.log(m);
    w.unref();
    setTimeout(() => console.log('timer after unref'), 10);
  });
  w.postMessage('hi');
  process.on('exit', (code) => console.log('process exit', code));
}
