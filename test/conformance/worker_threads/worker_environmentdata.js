'use strict';
// Node's test-worker-environmentdata: environment data is cloned into a worker when it
// is created (later changes do not reach it) and nested workers inherit it. Workers
// report to the main thread, which prints.
const {
  Worker, isMainThread, parentPort, getEnvironmentData, setEnvironmentData, threadId,
} = require('worker_threads');

if (isMainThread) {
  setEnvironmentData('foo', 'bar');
  setEnvironmentData('hello', { value: 'world' });
  setEnvironmentData(1, 2);
  console.log('main: get(1) =', getEnvironmentData(1));
  setEnvironmentData(1);  // Delete it, key won't show up in the worker.
  const w = new Worker(__filename);
  setEnvironmentData('hello');  // Delete it. Has no impact on the worker.
  console.log('main: hello after delete =', getEnvironmentData('hello'));
  let n = 0;
  w.on('message', (m) => console.log(`report ${++n}:`, m));
  w.on('exit', (code) => console.log('exit', code));
} else {
  const report = {
    foo: getEnvironmentData('foo'),
    hello: getEnvironmentData('hello'),
    one: getEnvironmentData(1),
    nested: threadId !== 1,
  };
  parentPort.postMessage(report);
  // Recurse to make sure the environment data is inherited
  if (threadId === 1) {
    const inner = new Worker(__filename);
    inner.on('message', (m) => parentPort.postMessage(m));
  }
}
