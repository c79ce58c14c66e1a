// test-child-process-fork-net-socket: an accepted socket passed to the child, which
// answers on it; the parent's copy is handed over (not closed here).
const fork = require('child_process').fork;
const net = require('net');
if (process.argv[2] === 'child') {
  process.on('message', function onSocket(msg, socket) {
    if (msg.what !== 'socket') return;
    process.removeListener('message', onSocket);
    console.log('CHILD: got socket', socket instanceof net.Socket, 'readable', socket.readable,
                'writable', socket.writable);
    socket.end('echo');
  });
  process.send({ what: 'ready' });
} else {
  const child = fork(process.argv[1], ['child']);
  child.on('exit', (code, signal) => console.log('PARENT: child exit', code, signal));
  child.on('message', function onReady(msg) {
    if (msg.what !== 'ready') return;
    child.removeListener('message', onReady);
    const server = net.createServer();
    server.on('connection', (socket) => {
      socket.on('close', () => console.log('PARENT: sent socket closed (unexpected)'));
      child.send({ what: 'socket' }, socket, (err) => {
        console.log('PARENT: sent, err', err, 'socket destroyed', socket.destroyed);
      });
    });
    server.on('close', () => console.log('PARENT: server closed'));
    server.listen(0, '127.0.0.1', () => {
      const connect = net.connect(server.address().port, '127.0.0.1');
      let store = '';
      connect.on('data', (chunk) => { store += chunk; });
      connect.on('close', () => {
        console.log('CLIENT: closed, got', JSON.stringify(store));
        server.close();
      });
    });
  });
}
