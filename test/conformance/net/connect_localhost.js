// connect to 'localhost' (dns.lookup, both families) with the server on the default host.
const net = require('net');
const server = net.createServer((s) => s.end('hi'));
server.listen(0, () => {
  console.log('server family', server.address().family, 'address', server.address().address);
  const c = net.connect(server.address().port, 'localhost');
  c.on('lookup', (err, address, family, host) => console.log('lookup', err, host, typeof address, typeof family));
  c.on('connect', () => console.log('connect; remote family is IPv4 or IPv6', ['IPv4', 'IPv6'].includes(c.remoteFamily)));
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('data', d));
  c.on('close', () => server.close());
});
