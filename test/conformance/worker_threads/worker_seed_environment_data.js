'use strict';
// The seed's first worker_threads example: environment data set before the Worker is
// created is seen by it; the worker prints it, then posts a message that the main
// thread prints.
const {
  Worker, isMainThread, parentPort, setEnvironmentData, getEnvironmentData,
} = require('worker_threads');

if (isMainThread) {
  setEnvironmentData('Hi', 'Node.js!');
  const worker = new Worker(__filename);
  worker.on('message', message => console.log(message));
  worker.on('exit', (code) => {
    if (code !== 0) {
      console.log(`Worker stopped with exit code ${code}`);
    }
  });
} else {
  console.log(getEnvironmentData('Hi'));
  parentPort.postMessage("hello world");
}
