// Without allowHalfOpen, writing after the peer's FIN fails with EPIPE.
const net = require('net');
const server = net.createServer((s) => { s.end('bye'); });
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => {
    console.log('client end; writableEnded', c.writableEnded);
    setImmediate(() => {
      console.log('after end: writableEnded', c.writableEnded, 'writable', c.writable);
      const ret = c.write('late', (err) => console.log('write cb', err && err.code, err && err.message));
      console.log('write returned', ret);
    });
  });
  c.on('error', (e) => console.log('error', e.code, e.message));
  c.on('close', (e) => { console.log('close', e); server.close(); });
});
