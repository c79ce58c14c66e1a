'use strict';
// One worker after another: what each sees (isMainThread, threadId, workerData for no
// option / null / a nested value, parentPort), 'online' → 'message'… → 'exit' order,
// process.exit(n) in the worker (its 'exit' listener's message still arrives, code
// after exit() does not run), worker.threadId during and after 'exit'. (terminate() right
// after creation is left out: whether the script starts first is a race, in Node too.)
const wt = require('worker_threads');
const { Worker, isMainThread, parentPort, workerData, threadId } = wt;

if (!isMainThread) {
  parentPort.postMessage({ isMainThread, threadId, workerData, hasParentPort: parentPort !== null,
                           mode: typeof workerData });
  if (workerData && workerData.exitWith !== undefined) {
    process.on('exit', (code) => parentPort.postMessage(`exit listener ${code}`));
    parentPort.postMessage('before exit()');
    process.exit(workerData.exitWith);
    parentPort.postMessage('after exit() (never)'); // eslint-disable-line no-unreachable
  }
} else {
  console.log('main', isMainThread, threadId, workerData, parentPort);
  const runs = [
    [undefined, false],
    [{ workerData: null }, false],
    [{ workerData: { a: [1, { b: 'x' }], s: 'str', n: null, exitWith: 7 } }, false],
  ];
  const next = (i) => {
    if (i === runs.length) return;
    const [opts, terminate] = runs[i];
    const w = new Worker(__filename, opts);
    console.log(`run ${i}: threadId ${w.threadId}`);
    w.on('online', () => console.log(`run ${i}: online`));
    w.on('message', (m) => console.log(`run ${i}: message`, m));
    w.on('error', (e) => console.log(`run ${i}: error ${e}`));
    w.on('exit', (code) => {
      console.log(`run ${i}: exit ${code}, threadId now ${w.threadId}`);
      setImmediate(() => next(i + 1));
    });
    if (terminate) {
      w.terminate().then((v) => console.log(`run ${i}: terminate resolved ${v}`));
    }
  };
  next(0);
}
