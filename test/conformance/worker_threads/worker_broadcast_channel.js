'use strict';
// BroadcastChannel: every other channel of the same name receives, on any thread; not
// the sender itself, nor channels of other names; posting after close() throws.
const { BroadcastChannel, Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  const bc = new BroadcastChannel('news');
  // The answer waits for the question and for main's 'go'. Main says 'go' from an
  // immediate, after b's listener: an answer that arrived while b was still draining
  // its queue would reach b before a had its turn, and b would close a first.
  let asked = false;
  let go = false;
  const answer = () => {
    if (!asked || !go) return;
    bc.postMessage('worker: yes');
    bc.close();
  };
  bc.onmessage = (event) => {
    if (event.data === 'main: are you there?') {
      asked = true;
      answer();
    }
  };
  parentPort.once('message', () => {
    go = true;
    answer();
  });
  parentPort.postMessage('ready');
} else {
  const a = new BroadcastChannel('news');
  const b = new BroadcastChannel('news');
  const c = new BroadcastChannel('sports');
  console.log(a.name, c.name);
  c.onmessage = (event) => console.log('c got (never)', event.data);
  // Which of a and b sees the worker's answer first depends on thread timing (in Node
  // too): the lines are printed sorted once both have it.
  const got = [];
  const gotAnswer = () => got.filter((l) => l.endsWith('worker: yes')).length === 2;
  const received = (name) => (event) => {
    got.push(`${name} got ${event.data}`);
    if (event.data === 'main: are you there?') setImmediate(() => w.postMessage('go'));
    if (!gotAnswer()) return;
    for (const line of got.sort()) console.log(line);
    a.close();
    b.close();
    c.close();
    try {
      a.postMessage('too late');
    } catch (e) {
      console.log(e.name, e.message, e.code);
    }
  };
  a.onmessage = received('a');
  b.onmessage = received('b');
  const w = new Worker(__filename);
  w.on('message', () => a.postMessage('main: are you there?'));
  // (When the worker's exit is seen depends on thread timing: print it at the end.)
  let exitCode;
  w.on('exit', (code) => { exitCode = code; });
  process.on('exit', () => console.log('worker exit', exitCode));
}
