// sequential/test-net-connect-econnrefused: a closed port gives ECONNREFUSED.
const net = require('net');
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  server.close(() => {
    const c = net.createConnection(port, '127.0.0.1');
    c.on('connect', () => console.log('unexpected connect'));
    c.on('error', (e) => {
      console.log(e.name, e.code, e.errno, e.syscall, e.address, e.port === port);
      console.log(e.message.replace(String(port), 'PORT'));
      console.log('destroyed', c.destroyed, 'readyState', c.readyState);
    });
    c.on('close', (hadError) => console.log('close hadError', hadError));
  });
});
