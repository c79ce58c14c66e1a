// close() while sends wait for the implicit bind is queued behind them: 'listening'
// comes, the sends go out, then 'close'; a second close() queued the same way throws
// ERR_SOCKET_DGRAM_NOT_RUNNING from inside the 'listening' emit (uncaught). close()
// The queued send starts after the close: its datagram is dropped. close()
// during an explicit bind (no queue) closes at once: no 'listening', no bind callback.
'use strict';
const dgram = require('dgram');

process.on('uncaughtException', (err) => {
  console.log(`uncaught: ${err.name} ${err.code} ${err.message}`);
});

const receiver = dgram.createSocket('udp4');
receiver.bind(0, '127.0.0.1', () => {
  const port = receiver.address().port;
  receiver.on('message', (msg) => console.log(`receiver got ${msg} (never)`));
  setTimeout(() => receiver.close(() => console.log('receiver closed')), 100);

  const a = dgram.createSocket('udp4');
  a.on('listening', () => console.log('a listening'));
  a.on('close', () => console.log('a close event'));
  a.send('a1', port, '127.0.0.1', (err, n) => console.log(`a1 callback ${err} ${n}`));
  a.close(() => console.log('a close callback 1'));
  a.close(() => console.log('a close callback 2'));
  a.send('a2', port, '127.0.0.1', (err, n) => console.log(`a2 callback ${err} ${n}`));
  console.log(`a listeners close=${a.listenerCount('close')}`);

  const b = dgram.createSocket('udp4');
  b.on('listening', () => console.log('b listening (never)'));
  b.bind(0, '127.0.0.1', () => console.log('b bind callback (never)'));
  b.close(() => console.log('b close callback'));
  try {
    b.send('b', port, '127.0.0.1');
  } catch (err) {
    console.log(`b send: ${err.code}`);
  }

  const c = dgram.createSocket('udp4');
  c.connect(port, '127.0.0.1', () => console.log('c connect callback (never)'));
  c.on('listening', () => console.log('c listening'));
  c.close(() => console.log('c close callback'));
  process.nextTick(() => console.log('tick'));
  setImmediate(() => console.log('immediate'));
});
