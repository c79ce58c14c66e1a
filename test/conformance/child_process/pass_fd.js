// sequential/test-child-process-pass-fd: N children each connect to their own server and
// pass the client socket to the parent, which reads from it.
const fork = require('child_process').fork;
const net = require('net');
const N = 80;
if (process.argv[2] !== 'child') {
  let ended = 0, exited = 0;
  for (let i = 0; i < N; ++i) {
    const worker = fork(__filename, ['child']);
    worker.once('message', (msg, handle) => {
      if (msg !== 'handle' || !handle) throw new Error('bad message ' + msg);
      worker.send('got');
      let recvData = '';
      handle.on('data', (data) => { recvData += data; });
      handle.on('end', () => {
        if (recvData !== 'hello') throw new Error('bad data ' + recvData);
        if (++ended === N) console.log('parent: read hello from', N, 'passed sockets');
        worker.kill();
      });
    });
    worker.on('exit', (code, signal) => {
      if (signal !== 'SIGTERM' && code !== 0) throw new Error('bad exit ' + code + ' ' + signal);
      if (++exited === N) console.log('parent: all', N, 'children exited');
    });
  }
} else {
  let socket;
  let cbcalls = 0;
  function socketConnected() {
    if (++cbcalls === 2) process.send('handle', socket);
  }
  // Listening for 'message' refs the channel: the child lives as long as its parent.
  process.on('message', () => {});
  const server = net.createServer((c) => {
    process.once('message', (msg) => {
      if (msg !== 'got') throw new Error('bad ' + msg);
      c.end('hello');
    });
    socketConnected();
  }).unref();
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    socket = net.connect(port, '127.0.0.1', socketConnected).unref();
  });
}
