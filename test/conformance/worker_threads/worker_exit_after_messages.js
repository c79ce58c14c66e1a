'use strict';
// 'exit' comes after every message the worker sent, even when it sends many and exits
// at once; 'online' comes before them; process 'worker' announces each new Worker.
const { Worker, isMainThread, parentPort } = require('worker_threads');

const N = 2000;
if (!isMainThread) {
  for (let i = 0; i < N; i++) parentPort.postMessage({ i, text: `message ${i}` });
  process.exit(5);
} else {
  process.on('worker', (w) => console.log('process worker event, threadId', w.threadId));
  const w = new Worker(__filename);
  let online = false;
  let received = 0;
  let inOrder = true;
  w.on('online', () => {
    online = true;
    console.log('online before any message:', received === 0);
  });
  w.on('message', (m) => {
    if (m.i !== received || m.text !== `message ${received}`) inOrder = false;
    received++;
  });
  w.on('exit', (code) => {
    console.log('exit', code, 'after', received, 'messages, in order:', inOrder, 'online:', online);
  });
}
