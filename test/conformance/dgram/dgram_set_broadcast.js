// test-dgram-setBroadcast: EBADF before bind, both values accepted after.
'use strict';
const dgram = require('dgram');

const throwsOnUnbound = dgram.createSocket('udp4');
try {
  throwsOnUnbound.setBroadcast(false);
  console.log('no throw');
} catch (err) {
  console.log(`${err.name} ${err.code} ${err.errno} ${err.syscall}: ${err.message}`);
}

const socket = dgram.createSocket('udp4');
socket.on('listening', () => {
  socket.setBroadcast(true);
  socket.setBroadcast(false);
  console.log('set true and false after bind');
  socket.close(() => console.log('closed'));
});
socket.bind(0);
