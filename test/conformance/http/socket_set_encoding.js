'use strict';
// Node's test-http-socket-encoding-error: an http server's sockets refuse setEncoding (the
// server replaces it; RFC 7230 section 3), from its 'connection' event on. A client's plain
// net socket still takes it.
const http = require('http');
const net = require('net');
const server = http.createServer();
server.on('connection', (socket) => {
  try {
    socket.setEncoding('utf8');
    console.log('server socket took an encoding');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  socket.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setEncoding('latin1');
    console.log('client socket encoding', c.readableEncoding);
  });
  c.resume();
  c.on('end', () => {
    console.log('client end');
    server.close(() => console.log('closed'));
  });
});
