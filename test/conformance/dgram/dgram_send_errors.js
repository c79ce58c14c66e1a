// Send failures: EMSGSIZE through the callback (and silently dropped without one),
// a bad host through the callback or 'error', an IPv6 literal on a udp4 socket.
'use strict';
const dgram = require('dgram');

const s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', () => {
  const port = s.address().port;
  const big = Buffer.alloc(70000);
  s.send(big, port, '127.0.0.1', (err, bytes) => {
    console.log(`big: ${err.code} ${err.errno} ${err.syscall} ${err.address} ${err.port === port} ${bytes}`);
    console.log(`message: ${err.message.replace(String(port), 'PORT')}`);
  });
  s.send(big, port, '127.0.0.1');
  s.send('x', port, '::1', (err) => {
    console.log(`ipv6 on udp4: ${err.code} ${err.message.replace(String(port), 'PORT')}`);
  });
  s.send('x', port, 'nosuch.invalid', (err) => {
    console.log(`bad host callback: ${err.message}`);
    s.once('error', (err) => {
      console.log(`error event: ${err.code} ${err.message}`);
      s.send('ok', port, (err, bytes) => console.log(`ok: ${err} ${bytes}`));
    });
    s.send('x', port, 'nosuch.invalid');
  });
  s.on('message', (msg) => {
    console.log(`received ${msg}`);
    setTimeout(() => s.close(), 50);
  });
});
