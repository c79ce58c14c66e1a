// 'upgrade': the socket leaves http with the bytes after the head; the client side gets
// 'upgrade' with the 101 response, its socket and the first bytes of the new protocol. A server
// without an 'upgrade' listener answers the request as a normal one.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.url, req.headers.upgrade);
  res.end('no upgrade here');
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  raw(port, 'GET /plain HTTP/1.1\r\nHost: a\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n', (r) => {
    console.log(show(r));
    server.on('upgrade', (req, socket, head) => {
      console.log('server upgrade', req.method, req.url, req.headers.upgrade, JSON.stringify(head.toString()));
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n' +
                   'first bytes');
      socket.on('data', (d) => socket.write('echo:' + d));
      socket.on('end', () => socket.end());
    });
    const req = http.request({ port, host: '127.0.0.1', path: '/ws',
                               headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('response', () => console.log('unexpected response'));
    req.on('upgrade', (res, socket, head) => {
      console.log('client upgrade', res.statusCode, res.headers.upgrade, JSON.stringify(head.toString()));
      let got = head.toString();
      socket.on('data', (d) => {
        got += d;
        if (got === 'first bytesecho:ping') socket.end();
      });
      socket.on('close', () => {
        console.log('client got', JSON.stringify(got));
        server.close(() => console.log('closed'));
      });
      socket.write('ping');
    });
    req.on('close', () => console.log('request close'));
    req.end();
  });
});
