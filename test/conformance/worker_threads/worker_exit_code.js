'use strict';
// Node's test-worker-exit-code: the parent sees the worker's exit code for
// process.exitCode, process.exit(), an uncaught exception ('error' first) and a
// handled one. The children run one after the other so the trace is ordered.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  parent();
} else {
  parentPort.once('message', (msg) => {
    switch (msg) {
      case 'child1': return child1();
      case 'child2': return child2();
      case 'child3': return child3();
      case 'child4': return child4();
      case 'child5': return child5();
      case 'child6': return child6();
      case 'child7': return child7();
      default: throw new Error('invalid');
    }
  });
}

function child1() {
  process.exitCode = 42;
  process.on('exit', (code) => parentPort.postMessage(`child1 'exit' listener saw ${code}`));
}

function child2() {
  process.exitCode = 99;
  process.on('exit', (code) => parentPort.postMessage(`child2 'exit' listener saw ${code}`));
  process.exit(42);
}

function child3() {
  process.exitCode = 99;
  process.on('exit', (code) => parentPort.postMessage(`child3 'exit' listener saw ${code}`));
  process.exit(0);
}

function child4() {
  process.exitCode = 99;
  process.on('exit', (code) => parentPort.postMessage(`child4 'exit' listener saw ${code}`));
  throw new Error('ok');
}

function child5() {
  process.exitCode = 95;
  process.on('exit', (code) => {
    parentPort.postMessage(`child5 'exit' listener saw ${code}`);
    process.exitCode = 99;
  });
}

function child6() {
  process.on('exit', (code) => parentPort.postMessage(`child6 'exit' listener saw ${code}`));
  process.on('uncaughtException', () => {});
  throw new Error('ok');
}

function child7() {
  process.on('exit', (code) => parentPort.postMessage(`child7 'exit' listener saw ${code}`));
  process.on('uncaughtException', () => {
    process.exitCode = 97;
  });
  throw new Error('ok');
}

function parent() {
  const tests = [['child1', 42], ['child2', 42], ['child3', 0], ['child4', 1],
                 ['child5', 99], ['child6', 0], ['child7', 97]];
  const next = (i) => {
    if (i === tests.length) return;
    const [arg, exit] = tests[i];
    const w = new Worker(__filename);
    // 'message' and 'error' come on two ports (their relative order is not fixed, in
    // Node either): print them at 'exit', messages first.
    const messages = [], errors = [];
    w.on('message', (m) => messages.push(m));
    w.on('error', (err) => errors.push(`${arg} error: ${err}`));
    w.on('exit', (code) => {
      for (const line of [...messages, ...errors]) console.log(line);
      console.log(`${code === exit ? 'ok' : 'not ok'} - ${arg} exited with ${code}`);
      next(i + 1);
    });
    w.postMessage(arg);
  };
  next(0);
}
