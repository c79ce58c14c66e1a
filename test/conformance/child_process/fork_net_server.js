// test-child-process-fork-net-server: a listening net.Server passed to the child; parent
// and child both accept from it; then both close it.
const fork = require('child_process').fork;
const net = require('net');
if (process.argv[2] === 'child') {
  let serverScope;
  process.on('message', function onServer(msg, server) {
    if (msg.what !== 'server') return;
    process.removeListener('message', onServer);
    serverScope = server;
    console.log('CHILD: got', server instanceof net.Server ? 'a net.Server' : typeof server,
                'listening', server.listening);
    server.on('connection', (socket) => {
      process.send({ what: 'connection' });
      socket.destroy();
    });
    process.send({ what: 'listening' });
  });
  process.on('message', function onClose(msg) {
    if (msg.what !== 'close') return;
    process.removeListener('message', onClose);
    serverScope.on('close', () => process.send({ what: 'close' }));
    serverScope.close();
  });
  process.send({ what: 'ready' });
} else {
  const child = fork(process.argv[1], ['child']);
  child.on('exit', (code, signal) => console.log('PARENT: child exit', code, signal));
  let connections = 0, closed = 0;
  const server = net.createServer();
  server.on('connection', (socket) => { socket.destroy(); done('connection'); });
  function done(what) {
    if (what === 'connection') connections++; else closed++;
    if (connections === 4 && closed === 4) {
      console.log('PARENT: 4 connections accepted and 4 closed');
      server.on('close', () => {
        console.log('PARENT: server closed');
        child.send({ what: 'close' });
      });
      server.close();
    }
  }
  child.on('message', (msg) => {
    if (msg.what === 'ready') {
      server.on('listening', () => {
        console.log('PARENT: server listening');
        child.send({ what: 'server' }, server);
      });
      server.listen(0, '127.0.0.1');
    } else if (msg.what === 'listening') {
      console.log('PARENT: child listening');
      for (let i = 0; i < 4; i++) {
        const socket = net.connect(server.address().port, '127.0.0.1');
        socket.on('error', () => {});
        socket.on('close', () => done('close'));
      }
    } else if (msg.what === 'connection') {
      done('connection');
    } else if (msg.what === 'close') {
      console.log('PARENT: child server closed');
      child.disconnect();
    }
  });
}
