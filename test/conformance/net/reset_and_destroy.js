// resetAndDestroy() sends RST: the peer gets ECONNRESET.
const net = require('net');
const server = net.createServer((s) => {
  s.on('error', (e) => console.log('server error', e.code, e.syscall));
  s.on('close', (e) => { console.log('server close', e); server.close(); });
  s.on('data', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('x', () => setTimeout(() => c.resetAndDestroy(), 20));
  });
  c.on('close', (e) => console.log('client close', e));
});
