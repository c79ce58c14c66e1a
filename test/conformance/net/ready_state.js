// readyState through a socket's life; pending and connecting.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.resume();
  s.on('end', () => { console.log('server after end', s.readyState); s.end(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = new net.Socket();
  console.log('new', c.readyState, 'pending', c.pending, 'connecting', c.connecting);
  c.connect(server.address().port, '127.0.0.1');
  console.log('connect()', c.readyState, 'pending', c.pending, 'connecting', c.connecting);
  c.on('connect', () => {
    console.log('connected', c.readyState, 'pending', c.pending);
    c.end();
    console.log('after end()', c.readyState);
  });
  c.resume();
  c.on('end', () => console.log('client end', c.readyState));
  c.on('close', () => { console.log('closed', c.readyState, 'destroyed', c.destroyed); server.close(); });
});
