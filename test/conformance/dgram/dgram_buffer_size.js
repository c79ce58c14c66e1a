// Buffer sizes from options and setters: Linux reports twice the size set.
'use strict';
const dgram = require('dgram');

const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 65536, sendBufferSize: 32768 });
s.bind(0, () => {
  console.log('recv', s.getRecvBufferSize());
  console.log('send', s.getSendBufferSize());
  s.setRecvBufferSize(100000);
  s.setSendBufferSize(50000);
  console.log('recv', s.getRecvBufferSize());
  console.log('send', s.getSendBufferSize());
  try {
    s.setRecvBufferSize(2 ** 31);
  } catch (err) {
    console.log(`${err.name} ${err.code} ${err.message}`);
  }
  try {
    s.setSendBufferSize(2 ** 32);
  } catch (err) {
    console.log(`${err.name} ${err.code} ${err.message}`);
  }
  console.log('queue', s.getSendQueueSize(), s.getSendQueueCount());
  s.close();
});
