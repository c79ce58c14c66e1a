// test-child-process-send-keep-open: a socket sent with keepOpen stays usable in the
// parent; child and parent both write to it.
const cp = require('child_process');
const net = require('net');
if (process.argv[2] !== 'child') {
  let result = '';
  process.on('exit', () => console.log('result', JSON.stringify(result)));
  const child = cp.fork(__filename, ['child']);
  child.on('exit', (exitCode, signalCode) => console.log('child exit', exitCode, signalCode));
  const server = net.createServer((socket) => {
    child.on('message', (msg) => {
      console.log('parent got', msg);
      socket.end('parent', () => {
        server.close();
        child.disconnect();
      });
    });
    child.send('socket', socket, { keepOpen: true }, (err) => console.log('send callback', err));
  });
  server.listen(0, '127.0.0.1', () => {
    const socket = net.connect(server.address().port, '127.0.0.1');
    socket.setEncoding('utf8');
    socket.on('data', (data) => result += data);
  });
} else {
  process.on('message', (msg, socket) => {
    console.log('child got', msg, 'with a socket', socket instanceof net.Socket);
    socket.write('child', () => process.send('child_done'));
  });
}
