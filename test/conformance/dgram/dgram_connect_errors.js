// connect() failures: through the callback, or as 'error' without one; an address of
// the other family (EINVAL from libuv).
'use strict';
const dgram = require('dgram');

const a = dgram.createSocket('udp4');
a.connect(9, 'nosuch.invalid', (err) => {
  console.log(`callback: ${err.code} ${err.syscall} ${err.message}`);
  console.log(`listeners for connect: ${a.listenerCount('connect')}`);
  a.close();

  const b = dgram.createSocket('udp4');
  b.on('error', (err) => {
    console.log(`error event: ${err.code} ${err.message}`);
    b.close();

    const c = dgram.createSocket('udp6');
    c.connect(9, '127.0.0.1', (err) => {
      console.log(`udp6 to IPv4 literal: ${err ? `${err.code} ${err.message}` : 'connected'}`);
      c.close();
    });
  });
  b.connect(9, 'nosuch.invalid');
});
