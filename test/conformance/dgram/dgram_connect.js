// test-dgram-connect and friends: connect, remoteAddress, connected sends, disconnect.
'use strict';
const dgram = require('dgram');

const show = (what, fn) => {
  try {
    const r = fn();
    console.log(`${what}: ok ${r === undefined ? '' : JSON.stringify(r)}`);
  } catch (err) {
    console.log(`${what}: ${err.name} ${err.code} ${err.message}`);
  }
};

const server = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  show('remoteAddress before connect', () => client.remoteAddress());
  show('disconnect before connect', () => client.disconnect());
  show('connect port 0', () => client.connect(0));
  client.on('listening', () => console.log('client listening'));
  client.connect(port, '127.0.0.1', () => {
    console.log('connect callback');
    const ra = client.remoteAddress();
    console.log(`remote ${ra.address} ${ra.family} ${ra.port === port}`);
    show('connect again', () => client.connect(port));
    show('send with offset/length/port', () => client.send('abc', 0, 1, port));
    client.send('whole', (err, n) => console.log(`connected send callback ${err} ${n}`));
    client.send('sliced!', 0, 6, (err, n) => console.log(`sliced send callback ${err} ${n}`));
    client.send([Buffer.from('li'), 'st'], (err, n) => console.log(`list send callback ${err} ${n}`));
  });
  client.on('connect', () => console.log('connect event'));
  show('connect while connecting', () => client.connect(port));
  let got = 0;
  server.on('message', (msg) => {
    console.log(`server got ${msg}`);
    if (++got === 3) {
      client.disconnect();
      console.log('disconnected');
      show('remoteAddress after disconnect', () => client.remoteAddress());
      show('disconnect twice', () => client.disconnect());
      show('send without port after disconnect', () => client.send('x'));
      client.close();
      server.close();
    }
  });
});
