// Client-side failures: a server that closes without answering ("socket hang up",
// ECONNRESET), a server that answers garbage (the parser's HPE_ code), a refused connection,
// a request timeout, and a keep-alive socket the server closed before it was reused (the next
// request fails with "socket hang up", never a silent empty response).
const http = require('http');
const net = require('net');
const steps = [];
function hangUp(next) {
  const srv = net.createServer((s) => s.destroy());
  srv.listen(0, '127.0.0.1', () => {
    const req = http.get({ host: '127.0.0.1', port: srv.address().port });
    req.on('error', (e) => console.log('hang up:', e.code, e.message));
    req.on('close', () => srv.close(next));
  });
}
function garbage(next) {
  const srv = net.createServer((s) => {
    s.on('data', () => s.end('HTTP/1.1 200 OK\r\nBad Header\r\n\r\n'));
  });
  srv.listen(0, '127.0.0.1', () => {
    const req = http.get({ host: '127.0.0.1', port: srv.address().port });
    req.on('response', () => console.log('garbage: unexpected response'));
    req.on('error', (e) => console.log('garbage:', e.code, e.message, e.bytesParsed));
    req.on('close', () => srv.close(next));
  });
}
function garbage2(next) {
  const srv = net.createServer((s) => {
    s.on('data', () => s.end('NOT HTTP AT ALL\r\n\r\n'));
  });
  srv.listen(0, '127.0.0.1', () => {
    const req = http.get({ host: '127.0.0.1', port: srv.address().port });
    req.on('error', (e) => console.log('garbage2:', e.code, e.message));
    req.on('close', () => srv.close(next));
  });
}
function refused(next) {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1', () => {
    const port = srv.address().port;
    srv.close(() => {
      const req = http.get({ host: '127.0.0.1', port });
      req.on('error', (e) => console.log('refused:', e.code, e.syscall, e.message === `connect ECONNREFUSED 127.0.0.1:${port}`));
      req.on('close', next);
    });
  });
}
function timeout(next) {
  const srv = http.createServer(() => {});
  srv.listen(0, '127.0.0.1', () => {
    const req = http.get({ host: '127.0.0.1', port: srv.address().port, timeout: 50 });
    req.on('timeout', () => {
      console.log('timeout: timeout event');
      req.destroy();
    });
    req.on('error', (e) => console.log('timeout:', e.code, e.message));
    req.on('close', () => srv.close(next));
  });
}
function reusedClosed(next) {
  // The server answers the first request with keep-alive and closes the connection when the
  // second one arrives on it, as a server whose keep-alive timeout fires just then does.
  let n = 0;
  const srv = net.createServer((s) => {
    s.on('data', () => {
      if (n++ === 0) s.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nfirst');
      else s.destroy();
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const agent = new http.Agent({ keepAlive: true });
    const port = srv.address().port;
    http.get({ agent, host: '127.0.0.1', port }, (res) => {
      res.resume();
      res.on('end', () => setImmediate(() => {
        const req = http.get({ agent, host: '127.0.0.1', port }, (res2) => {
          console.log('reused: unexpected response', res2.statusCode);
        });
        req.on('error', (e) => console.log('reused:', e.code, e.message, 'reusedSocket', req.reusedSocket));
        req.on('close', () => {
          agent.destroy();
          srv.close(next);
        });
      }));
    });
  });
}
const all = [hangUp, garbage, garbage2, refused, timeout, reusedClosed];
let i = 0;
const next = () => {
  if (i < all.length) all[i++](next);
  else console.log('done');
};
next();
