// CONNECT: with a 'connect' listener the server hands over the socket (and the bytes after the
// head); the client gets 'connect'. Without a listener the server destroys the socket.
const http = require('http');
const server = http.createServer((req, res) => res.end('not a tunnel'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req1 = http.request({ port, host: '127.0.0.1', method: 'CONNECT', path: 'example.org:443' });
  req1.on('error', (e) => console.log('no listener:', e.code, e.message));
  req1.on('close', () => {
    server.on('connect', (req, socket, head) => {
      console.log('server connect', req.method, req.url, JSON.stringify(head.toString()));
      socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel-data');
    });
    const req2 = http.request({ port, host: '127.0.0.1', method: 'CONNECT', path: 'example.org:443' });
    req2.on('connect', (res, socket, head) => {
      console.log('client connect', res.statusCode, res.statusMessage, JSON.stringify(head.toString()));
      socket.destroy();
      server.close(() => console.log('closed'));
    });
    req2.end('early');
  });
  req1.end();
});
