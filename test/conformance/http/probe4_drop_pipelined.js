// maxRequestsPerSocket with pipelined requests: the limit counts HTTP/1.1 requests only; the
// request at the limit answers "Connection: close", the ones past it get 'dropRequest' and a
// queued 503 (written only if the socket is still open); 'request' never sees them.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.url, req.httpVersion);
  res.on('finish', () => console.log('finish', req.url));
  res.on('close', () => console.log('res close', req.url));
  const body = (req.url.startsWith('/late') ? 'late ' : 'now ') + req.url;
  res.setHeader('Content-Length', body.length);
  if (req.url.startsWith('/late')) setImmediate(() => res.end(body));
  else res.end(body);
});
server.on('dropRequest', (req, socket) => {
  console.log('dropRequest', req.method, req.url, 'socket', socket === req.socket,
              'listeners', server.listenerCount('request'));
});
const get = (url, v = '1.1', extra = '') =>
  `GET ${url} HTTP/${v}\r\nHost: a\r\nConnection: keep-alive\r\n${extra}\r\n`;
server.maxRequestsPerSocket = 2;
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  raw(port, get('/ten', '1.0') + get('/a') + get('/late-b') + get('/c') + get('/d'), (r1) => {
    console.log('pipelined:');
    for (const p of r1.split('HTTP/1.').slice(1)) console.log('  ', show('HTTP/1.' + p));
    server.maxRequestsPerSocket = 1;
    raw(port, get('/late-x') + 'POST /y HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc' +
        get('/z'), (r2) => {
      console.log('limit 1:');
      for (const p of r2.split('HTTP/1.').slice(1)) console.log('  ', show('HTTP/1.' + p));
      server.close(() => console.log('closed'));
    });
  });
});
