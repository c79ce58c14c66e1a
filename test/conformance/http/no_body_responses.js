// HEAD, 204 and 304 responses carry no body even when one is written; HEAD keeps the
// Content-Length; a 204 with Transfer-Encoding: chunked closes the connection.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  if (req.url === '/204') res.statusCode = 204;
  if (req.url === '/304') res.writeHead(304, { ETag: '"x"' });
  if (req.url === '/204te') res.writeHead(204, { 'Transfer-Encoding': 'chunked' });
  const ret = res.write('body that is dropped');
  console.log(req.method, req.url, 'write returned', ret);
  res.end('!');
});
const requests = [
  'HEAD / HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /204 HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /304 HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /204te HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET / HTTP/1.0\r\n\r\n',
];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === requests.length) return server.close(() => console.log('closed'));
    raw(server.address().port, requests[i++], (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
