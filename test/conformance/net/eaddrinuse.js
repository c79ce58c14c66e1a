// listen() on a port in use: 'error' with EADDRINUSE and Node's message.
const net = require('net');
const a = net.createServer();
a.listen(0, '127.0.0.1', () => {
  const port = a.address().port;
  const b = net.createServer();
  b.on('error', (e) => {
    console.log(e.code, e.errno, e.syscall, e.address, e.port === port, 'listening', b.listening);
    console.log(e.message.replace(String(port), 'PORT'));
    a.close();
  });
  b.on('listening', () => console.log('unexpected listening'));
  b.listen(port, '127.0.0.1');
});
