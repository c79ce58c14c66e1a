'use strict';
// After 'close' a socket's listeners stay where they are (nodecc lets go of them, silently):
// no 'removeListener' event fires, and a 'readable' listener's flowing state is kept.
const net = require('net');
const server = net.createServer((s) => {
  let removed = 0;
  s.on('removeListener', (name) => {
    removed++;
    console.log('removeListener', name);
  });
  s.on('data', () => {});
  s.on('readable', () => {
    while (s.read() !== null);
  });
  s.on('close', (hadError) => {
    console.log('close', hadError, 'flowing', s.readableFlowing);
    setImmediate(() => {
      console.log('after close: removed', removed, 'flowing', s.readableFlowing);
      server.close();
    });
  });
  s.end('x');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => c.end());
});
