// A failed bind (EADDRNOTAVAIL) emits 'error', drops the bind callback and the queued
// sends, and leaves the socket unbound: bind() can be called again and works; the
// options form, 'localhost' and the 'listening' listener vs bind callback order.
'use strict';
const dgram = require('dgram');

const show = (what, fn) => {
  try {
    fn();
    console.log(`${what}: ok`);
  } catch (err) {
    console.log(`${what}: ${err.name} ${err.code} ${err.message}`);
  }
};

const s = dgram.createSocket('udp4');
s.on('listening', () => console.log('listening listener'));
s.on('error', (err) => {
  console.log(`error: ${err.code} ${err.syscall} ${err.address} ${err.port} ${err.message}`);
  console.log(`listeners: listening=${s.listenerCount('listening')} error=${s.listenerCount('error')}`);
  show('address after failed bind', () => s.address());
  process.nextTick(() => {
    s.bind({ port: 0, address: 'localhost' }, () => {
      const a = s.address();
      console.log(`rebound ${a.address} ${a.family} ${a.port > 0}`);
      show('bind again', () => s.bind(0));
      s.send('after', a.port, 'localhost', (err, n) => console.log(`send after rebind ${err} ${n}`));
    });
  });
});
s.bind(7, '192.0.2.1', () => console.log('bind callback (never)'));
console.log(`listeners after bind: listening=${s.listenerCount('listening')} error=${s.listenerCount('error')}`);
s.send('queued', 9, '127.0.0.1', (err) => console.log(`queued send callback (never) ${err}`));
show('bind while binding', () => s.bind(0));
s.on('message', (msg, rinfo) => {
  console.log(`message ${msg} ${rinfo.size}`);
  s.close(() => console.log('close callback'));
  show('close twice', () => s.close());
  show('send after close', () => s.send('x', 9));
  s.on('close', () => {
    console.log('close listener');
    show('address after close', () => s.address());
    show('ref after close', () => s.ref());
  });
});
