'use strict';
// How workers fail, one after another: a throw at the top of the script (after it
// posted a message: 'online' still comes), an unhandled promise rejection, a throw from
// a timer with an 'uncaughtException' listener that calls process.exit(3), and
// process.exit(4) from a 'message' listener while more messages wait. 'message' and
// 'error' travel on two ports, so each run's events are printed sorted at 'exit'.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  switch (workerData) {
    case 'top': {
      parentPort.postMessage('top: started');
      const e = new RangeError('top-level boom');
      e.code = 'ERR_TOP';
      throw e;
    }
    case 'rejection':
      process.on('exit', (c) => parentPort.postMessage(`rejection exit listener ${c}`));
      Promise.reject(new Error('rejected boom'));
      break;
    case 'handler':
      process.on('uncaughtException', (err) => {
        parentPort.postMessage(`handler caught ${err.message}`);
        process.exit(3);
      });
      setTimeout(() => { throw new Error('timer boom'); }, 1);
      break;
    case 'messages': {
      let n = 0;
      parentPort.on('message', (m) => {
        parentPort.postMessage(`got ${m}`);
        if (++n === 2) process.exit(4);
      });
      break;
    }
  }
} else {
  const runs = ['top', 'rejection', 'handler', 'messages'];
  const next = (i) => {
    if (i === runs.length) return;
    const name = runs[i];
    const w = new Worker(__filename, { workerData: name });
    const events = [];
    let online = false;
    w.on('online', () => { online = true; });
    w.on('message', (m) => events.push(`message: ${m}`));
    w.on('error', (e) => events.push(`error: ${e.name} ${e.code} ${e.message}`));
    w.on('exit', (code) => {
      events.sort();
      console.log(`${name}: online ${online}`);
      for (const e of events) console.log(`${name}: ${e}`);
      console.log(`${name}: exit ${code}`);
      next(i + 1);
    });
    if (name === 'messages') {
      for (let k = 1; k <= 4; k++) w.postMessage(k);
    }
  };
  next(0);
}
