// Bind failures are 'error' events with Node's messages; a bind callback does not run.
'use strict';
const dgram = require('dgram');

const first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = dgram.createSocket('udp4');
  second.on('error', (err) => {
    console.log(`${err.code} ${err.errno} ${err.syscall} ${err.address} ${err.port === port}`);
    console.log(err.message.replace(String(port), 'PORT'));
    console.log(`listening listeners: ${second.listenerCount('listening')}`);
    second.close();
    const third = dgram.createSocket('udp4');
    third.on('error', (e) => {
      console.log(`bad host: ${e.code} ${e.message}`);
      third.close();
      const fourth = dgram.createSocket('udp4');
      fourth.on('error', (e2) => {
        console.log(`not local: ${e2.code} ${e2.message}`);
        fourth.close();
        first.close();
      });
      fourth.bind(0, '192.0.2.123');
    });
    third.bind(0, 'nosuch.invalid', () => console.log('never'));
  });
  second.bind(port, '127.0.0.1', () => console.log('never'));
});
