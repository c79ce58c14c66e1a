// test-dgram-multicast-loopback: EBADF before bind; returns its argument after.
'use strict';
const dgram = require('dgram');

const socket = dgram.createSocket('udp4');
try {
  socket.setMulticastLoopback(true);
} catch (err) {
  console.log(String(err));
}
socket.bind(0);
socket.on('listening', () => {
  console.log('loopback on ->', socket.setMulticastLoopback(true));
  console.log('loopback off ->', socket.setMulticastLoopback(false));
  console.log('multicast ttl ->', socket.setMulticastTTL(0));
  try {
    socket.setMulticastTTL(256);
  } catch (err) {
    console.log(String(err), err.code, err.errno);
  }
  console.log('ttl ->', socket.setTTL(64));
  for (const ttl of [0, 256]) {
    try {
      socket.setTTL(ttl);
    } catch (err) {
      console.log(String(err), err.code);
    }
  }
  socket.close();
});
