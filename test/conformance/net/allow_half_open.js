// test-net-allow-half-open: with allowHalfOpen the server can keep writing after 'end'.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (d) => console.log('server: data', d.toString()));
  socket.on('end', () => {
    console.log('server: end; writable', socket.writable, 'readable', socket.readable);
    socket.write('after end');
    setTimeout(() => socket.end('bye'), 10);
  });
  socket.on('finish', () => console.log('server: finish'));
  socket.on('close', (e) => console.log('server: close', e));
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  client.on('connect', () => { client.end('hi'); });
  client.on('finish', () => console.log('client: finish'));
  client.on('data', (d) => console.log('client: data', d.toString()));
  client.on('end', () => console.log('client: end'));
  client.on('close', (e) => { console.log('client: close', e); server.close(); });
});
