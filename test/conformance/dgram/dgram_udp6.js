// IPv6 sockets: bind on ::1, rinfo family 'IPv6', default send address ::1.
'use strict';
const dgram = require('dgram');

const r = dgram.createSocket('udp6');
r.bind(0, '::1', () => {
  const a = r.address();
  console.log(`bound ${a.address} ${a.family}`);
  const s = dgram.createSocket({ type: 'udp6', ipv6Only: true });
  s.send('to default', a.port, (err) => console.log(`default-address send ${err}`));
  r.on('message', (msg, rinfo) => {
    console.log(`got ${msg} from ${rinfo.address} ${rinfo.family} size ${rinfo.size}`);
    s.close();
    r.close();
  });
});
