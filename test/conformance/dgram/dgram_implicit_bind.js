// Sends made before the socket is bound are queued, bind is implicit, callbacks in
// order; a close() issued while the queue waits runs after the queued sends started,
// so those datagrams are dropped (their lookups finish after the handle is gone).
'use strict';
const dgram = require('dgram');

const receiver = dgram.createSocket('udp4');
receiver.bind(0, () => {
  const port = receiver.address().port;
  const sender = dgram.createSocket('udp4');
  sender.on('listening', () => {
    console.log(`sender listening on ${sender.address().address}`);
  });
  for (let i = 0; i < 3; i++) {
    sender.send(`m${i}`, port, (err, n) => console.log(`callback ${i} ${err} ${n}`));
  }
  sender.send(Buffer.from('hello world'), 6, 5, port, '127.0.0.1',
              (err, n) => console.log(`sliced callback ${err} ${n}`));
  sender.send([], port, (err, n) => console.log(`empty list callback ${err} ${n}`));
  console.log('queued');
  let got = 0;
  receiver.on('message', (msg, rinfo) => {
    console.log(`got '${msg}' size ${rinfo.size}`);
    if (++got === 5) {
      sender.close();
      const early = dgram.createSocket('udp4');
      early.send('lost', port, (err) => console.log(`lost callback ${err}`));
      early.close(() => {
        console.log('early closed');
        setTimeout(() => {
          console.log(`received after early close: ${got - 5}`);
          receiver.close();
        }, 100);
      });
    }
  });
});
