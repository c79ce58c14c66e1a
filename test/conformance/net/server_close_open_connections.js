// server.close() stops listening at once but 'close' waits for open connections.
const net = require('net');
let sock;
const server = net.createServer((s) => {
  sock = s;
  s.resume();
  server.close(() => console.log('close callback'));
  console.log('listening after close()', server.listening);
  server.getConnections((err, n) => {
    console.log('connections', err, n);
    setTimeout(() => { console.log('ending the last connection'); s.end(); }, 20);
  });
});
server.on('close', () => console.log('server close event'));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => console.log('client end'));
  c.on('close', () => console.log('client close'));
});
