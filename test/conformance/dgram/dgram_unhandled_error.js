// An 'error' with no listener is an uncaught exception: printed, exit code 1.
'use strict';
const dgram = require('dgram');

const s = dgram.createSocket('udp4');
process.on('exit', (code) => console.log(`exit ${code}`));
s.bind(0, 'nosuch.invalid');
