'use strict';
// What cannot be cloned or transferred: Node's error names, codes and messages; a
// failed postMessage transfers nothing; markAsUntransferable copies instead.
const { MessageChannel, markAsUntransferable, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const other = new MessageChannel();
function attempt(what, f) {
  try {
    f();
    console.log(what, '-> ok');
  } catch (e) {
    console.log(what, '->', e.name, e.code, JSON.stringify(e.message));
  }
}

attempt('port not in transferList', () => port1.postMessage({ p: other.port1 }));
const sab = new SharedArrayBuffer(8);
attempt('SharedArrayBuffer in transferList', () => port1.postMessage(sab, [sab]));
attempt('source port in transferList', () => port1.postMessage(port1, [port1]));
const ab = new ArrayBuffer(4);
attempt('duplicate ArrayBuffer', () => port1.postMessage(ab, [ab, ab]));
console.log('after the failed post, byteLength', ab.byteLength);
attempt('duplicate MessagePort', () => port1.postMessage(other.port1, [other.port1, other.port1]));
const moved = new ArrayBuffer(4);
attempt('transfer', () => port1.postMessage(moved, [moved]));
attempt('clone a detached ArrayBuffer', () => port1.postMessage(moved));
attempt('transfer a detached ArrayBuffer', () => port1.postMessage(moved, [moved]));
const keep = new ArrayBuffer(3);
markAsUntransferable(keep);
attempt('untransferable in transferList', () => port1.postMessage(keep, [keep]));
console.log('untransferable byteLength', keep.byteLength);
attempt('move a port', () => port1.postMessage(other.port1, [other.port1]));
attempt('move it again', () => port1.postMessage(other.port1, [other.port1]));

let r;
while ((r = receiveMessageOnPort(port2)) !== undefined) {
  const m = r.message;
  console.log('received', m instanceof ArrayBuffer ? `ArrayBuffer(${m.byteLength})` : typeof m);
}
port1.close();
other.port2.close();
