// Socket properties through its life: address()/local*/remote* before connect, while connected
// and after close (remote* are cached only when read before), timeout property and the
// connect option `timeout`, setTimeout(0) disabling, chaining returns, 'lookup' for localhost
// (family 4), and ECONNREFUSED to port 0 (no port in the message).
const net = require('net');
const show = (a) => JSON.stringify(a);
const s = new net.Socket();
console.log('new: address', show(s.address()), 'remote', s.remoteAddress, s.remotePort, s.remoteFamily,
            'local', s.localAddress, s.localPort, 'timeout', s.timeout);
console.log('chaining', s.setKeepAlive(true, 1000) === s, s.setNoDelay() === s, s.setNoDelay(false) === s,
            s.setTimeout(0) === s, 'timeout now', s.timeout);
s.destroy();
const server = net.createServer((sock) => sock.end('x'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect({ port, host: 'localhost', family: 4, timeout: 500 });
  console.log('after connect(): timeout', c.timeout, 'address', show(c.address()), 'remote', c.remoteAddress,
              'pending', c.pending);
  c.on('lookup', (err, address, family, host) => console.log('lookup', err, address, family, host, c.connecting));
  c.on('connect', () => {
    const a = c.address();
    console.log('connect: address', a.address, a.family, a.port === c.localPort, 'remote', c.remoteAddress,
                c.remoteFamily, c.remotePort === port, 'timeout', c.timeout);
    console.log('setKeepAlive returns socket', c.setKeepAlive(true) === c, c.setKeepAlive(false, 5000) === c);
    c.setTimeout(20);
    c.setTimeout(0);
    console.log('timeout after setTimeout(0)', c.timeout);
  });
  c.on('timeout', () => console.log('timeout event (unexpected)'));
  c.resume();
  c.on('close', (e) => {
    console.log('close', e, 'address', show(c.address()), 'local', c.localAddress, c.localPort,
                'remote', c.remoteAddress, c.remotePort === port, c.remoteFamily);
    const d = net.connect(port, '127.0.0.1');
    d.resume();
    d.on('lookup', () => console.log('lookup for an IP host (unexpected)'));
    d.on('close', () => {
      console.log('d close without reading remote* before: remote', d.remoteAddress, d.remotePort,
                  'address', show(d.address()));
      const z = net.connect(0, '127.0.0.1');
      z.on('error', (err) => console.log('port 0:', err.code, err.message, err.port, err.address,
                                         'remote', z.remoteAddress));
      z.on('close', (e) => {
        console.log('z close', e, z.readyState);
        setTimeout(() => server.close(), 50);  // long enough for a stray 'timeout'
      });
    });
  });
});
