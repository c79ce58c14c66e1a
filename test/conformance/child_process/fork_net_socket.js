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
  // Lines are printed where their order does not depend on scheduling: the send callback's
  // at the client's 'close' (after the child's line), the child's exit once the server has
  // closed too.
  const child = fork(process.argv[1], ['child']);
  let sent = null;
  let exited = null;
  let serverClosed = false;
  const finish = () => { if (exited && serverClosed) console.log('PARENT: child exit', ...exited); };
  child.on('exit', (code, signal) => { exited = [code, signal]; finish(); });
  child.on('message', function onReady(msg) {
    if (msg.what !== 'ready') return;
    child.removeListener('message', onReady);
    const server = net.createServer();
    server.on('connection', (socket) => {
      socket.on('close', () => console.log('PARENT: sent socket closed (unexpected)'));
      child.send({ what: 'socket' }, socket, (err) => {
        sent = [err, socket.destroyed];
      });
    });
    server.on('close', () => {
      console.log('PARENT: server closed');
      serverClosed = true;
      finish();
    });
    server.listen(0, '127.0.0.1', () => {
      const connect = net.connect(server.address().port, '127.0.0.1');
      let store = '';
      connect.on('data', (chunk) => { store += chunk; });
      connect.on('close', () => {
        console.log('PARENT: sent, err', sent[0], 'socket destroyed', sent[1]);
        console.log('CLIENT: closed, got', JSON.stringify(store));
        server.close();
      });
    });
  });
}
