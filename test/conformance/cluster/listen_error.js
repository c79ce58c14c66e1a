// A worker's listen() on a port the primary cannot bind: 'error' EADDRINUSE (syscall 'bind')
// reaches the worker's server.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const blocker = net.createServer().listen(0, () => {
    const w = cluster.fork({ BLOCKED_PORT: `${blocker.address().port}` });
    w.on('message', (m) => console.log('worker says', JSON.stringify(m)));
    w.on('exit', (code, signal) => {
      console.log('worker exit', code, signal);
      blocker.close();
    });
  });
} else {
  const port = +process.env.BLOCKED_PORT;
  const server = net.createServer();
  server.on('error', (e) => {
    process.send({ code: e.code, syscall: e.syscall, address: e.address, samePort: e.port === port,
                   message: e.message.replace(`:${port}`, ':PORT'), listening: server.listening });
    cluster.worker.disconnect();
  });
  server.listen(port);
}
