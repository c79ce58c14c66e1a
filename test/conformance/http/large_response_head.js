// A response head of ~3 KiB (many and long headers, from setHeader and from writeHead) goes
// out byte for byte as Node writes it, with the Connection and Content-Length it adds.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  for (let i = 0; i < 24; i++) res.setHeader('X-Long-' + i, String(i).repeat(60 + i));
  res.setHeader('Set-Cookie', ['a=' + 'x'.repeat(300), 'b=' + 'y'.repeat(300)]);
  if (req.url === '/head') res.writeHead(200, 'Fine', { 'X-Extra': 'z'.repeat(500) });
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  raw(port, 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', (r) => {
    console.log(r.length, show(r));
    raw(port, 'GET /head HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', (r2) => {
      console.log(r2.length, show(r2));
      server.close(() => console.log('closed'));
    });
  });
});
