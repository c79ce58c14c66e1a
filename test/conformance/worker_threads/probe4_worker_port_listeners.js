'use strict';
// A port delivers only while it has 'message' listeners: once() takes one message and
// the port stops (and unrefs) again, the rest wait in its queue, receiveMessageOnPort
// takes from that queue, a new listener restarts delivery; hasRef() follows listeners
// and ref()/unref(); closing port2 emits 'close' on both ports; receiveMessageOnPort
// before the close lands; posting to a closed peer is dropped.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
console.log('hasRef initially', port2.hasRef());
for (let i = 1; i <= 5; i++) port1.postMessage({ i });
port2.once('message', (m) => {
  console.log('once got', m.i, 'hasRef', port2.hasRef());
  setTimeout(step2, 20);
});
console.log('hasRef with a listener', port2.hasRef());

function step2() {
  console.log('after the pause: receive', receiveMessageOnPort(port2));
  port2.ref();
  console.log('hasRef after ref()', port2.hasRef());
  port2.unref();
  const seen = [];
  const onMessage = (m) => {
    seen.push(m.i);
    if (m.i === 5) {
      port2.off('message', onMessage);
      console.log('seen', seen.join(','), 'hasRef after off', port2.hasRef());
      step3();
    }
  };
  port2.on('message', onMessage);
  console.log('listener added; hasRef', port2.hasRef());
}

function step3() {
  port1.ref();
  port1.on('close', () => {
    console.log('port1 close');
    port1.postMessage('to nowhere');
    console.log('post on closed port1 ok');
  });
  port2.on('close', () => {
    console.log('port2 close', port2.hasRef());
  });
  port1.postMessage({ i: 6 });
  port2.close();
  console.log('close called; receive now', receiveMessageOnPort(port2));
  port2.postMessage('after close');
  process.nextTick(() => console.log('tick'));
}
process.on('exit', () => console.log('exit'));
