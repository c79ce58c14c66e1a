// Socket options before bind (EBADF system errors with their errno/syscall), their
// range checks after bind, the buffer sizes given at creation applied on 'listening',
// send queue counters, and ref()/unref() (chainable, also before bind).
'use strict';
const dgram = require('dgram');

const show = (what, fn) => {
  try {
    const r = fn();
    console.log(`${what}: ok ${typeof r === 'object' ? (r === s ? 'this' : typeof r) : r}`);
  } catch (err) {
    console.log(`${what}: ${err.name} ${err.code} ${err.errno} ${err.syscall} ${err.message}`);
  }
};

const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 10000, sendBufferSize: 20000 });
show('unref before bind', () => s.unref());
show('ref before bind', () => s.ref());
show('setTTL', () => s.setTTL(10));
show('setMulticastTTL', () => s.setMulticastTTL(10));
show('setMulticastLoopback', () => s.setMulticastLoopback(true));
show('setMulticastInterface', () => s.setMulticastInterface('127.0.0.1'));
show('setBroadcast', () => s.setBroadcast(true));
show('getSendBufferSize', () => s.getSendBufferSize());
show('getSendQueueSize', () => s.getSendQueueSize());
show('getSendQueueCount', () => s.getSendQueueCount());

// libuv binds the descriptor to 0.0.0.0 for a membership call; bind() then fails.
const u = dgram.createSocket('udp4');
show('u dropMembership', () => u.dropMembership('224.0.0.114'));
show('u getSendQueueCount', () => u.getSendQueueCount());
show('u address', () => u.address().port > 0);
u.on('error', (err) => {
  console.log(`u error: ${err.code} ${err.syscall} ${err.address} ${err.port} ${err.message}`);
  u.close(() => console.log('u closed'));
});
u.bind(0, '127.0.0.1', () => console.log('u bound (never)'));
s.on('listening', () => {
  console.log('listening');
  show('getRecvBufferSize', () => s.getRecvBufferSize());
  show('getSendBufferSize', () => s.getSendBufferSize());
  show('setTTL 0', () => s.setTTL(0));
  show('setTTL 1', () => s.setTTL(1));
  show('setTTL 255', () => s.setTTL(255));
  show('setTTL 256', () => s.setTTL(256));
  show('setMulticastTTL 0', () => s.setMulticastTTL(0));
  show('setMulticastTTL 256', () => s.setMulticastTTL(256));
  show('setMulticastLoopback false', () => s.setMulticastLoopback(false));
  show('setMulticastInterface bad', () => s.setMulticastInterface('not-an-ip'));
  show('setMulticastInterface loopback', () => s.setMulticastInterface('127.0.0.1'));
  show('setSendBufferSize 2**32', () => s.setSendBufferSize(2 ** 32));
  show('setRecvBufferSize 4096', () => s.setRecvBufferSize(4096));
  show('getRecvBufferSize', () => s.getRecvBufferSize());
  show('dropMembership not joined', () => s.dropMembership('224.0.0.114'));
  show('addMembership unicast', () => s.addMembership('127.0.0.1'));
  show('getSendQueueSize', () => s.getSendQueueSize());
  show('getSendQueueCount', () => s.getSendQueueCount());
  show('unref', () => s.unref().ref());
  s.close(() => console.log('closed'));
  show('getSendQueueCount after close', () => s.getSendQueueCount());
  show('setTTL after close', () => s.setTTL(1));
});
s.bind(0, '127.0.0.1');
