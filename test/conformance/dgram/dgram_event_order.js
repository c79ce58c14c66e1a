// Order of events and callbacks around bind, send and close.
'use strict';
const dgram = require('dgram');

const log = (s) => console.log(s);
const receiver = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');

receiver.on('listening', () => log('receiver listening'));
receiver.bind(0, '127.0.0.1', () => {
  log('receiver bind callback');
  const port = receiver.address().port;
  sender.on('listening', () => log('sender listening'));
  sender.send('one', port, '127.0.0.1', (err, bytes) => log(`send one callback ${err} ${bytes}`));
  sender.send(Buffer.from('two!'), port, (err, bytes) => log(`send two callback ${err} ${bytes}`));
  process.nextTick(() => log('tick after sends'));
  setImmediate(() => log('immediate after sends'));
  log('sends issued');
});
log('bind issued');

let count = 0;
receiver.on('message', (msg, rinfo) => {
  log(`message ${msg} size ${rinfo.size} family ${rinfo.family} from ${rinfo.address}`);
  if (++count === 2) {
    receiver.close(() => log('receiver close callback'));
    receiver.on('close', () => log('receiver close event'));
    process.nextTick(() => log('tick after close'));
    sender.close();
    sender.on('close', () => log('sender close event'));
    log('close issued');
  }
});
process.on('exit', (code) => log(`exit ${code}`));
