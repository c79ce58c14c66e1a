'use strict';
// Without stdout: true a worker's console output is piped into the parent's own stdout
// through the parent's loop: it comes after what the parent printed in its main script, a
// 'data' listener on worker.stdout sees it too, and all of it is out before the worker's
// 'exit'. (Not interleaved with worker messages: Node's worker stdout holds a write until
// the parent asks for more, so that order varies in Node itself.)
const { Worker, isMainThread } = require('worker_threads');

if (!isMainThread) {
  console.log('worker: first');
  console.log('worker: second', 2);
} else {
  const w = new Worker(__filename);
  console.log('parent: created');
  let seen = '';
  w.stdout.on('data', (d) => { seen += d; });
  w.on('exit', (code) => console.log('parent: exit', code, JSON.stringify(seen)));
  // The worker has written everything before the parent's loop serves a message.
  const until = Date.now() + 300;
  while (Date.now() < until);
  console.log('parent: main script done');
}
