// An unref'd bound socket does not keep the loop alive; ref() does again.
'use strict';
const dgram = require('dgram');

const s = dgram.createSocket('udp4');
s.bind(0, () => {
  console.log('listening');
  s.unref();
  setTimeout(() => console.log('timer still runs'), 10);
});
let revived = false;
process.on('beforeExit', () => {
  console.log('beforeExit');
  if (!revived) {
    revived = true;
    s.ref();
    setTimeout(() => {
      console.log('closing');
      s.close(() => console.log('closed'));
    }, 10);
  }
});
process.on('exit', () => console.log('exit'));
