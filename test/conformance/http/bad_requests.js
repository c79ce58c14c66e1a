// The bytes Node 20 answers to malformed requests (no 'clientError' listener): 400, 431 or 413,
// each with "Connection: close", then the socket is destroyed. Covers the llhttp 9 rules the
// parser adds to Debian's llhttp 8.1.
const http = require('http');
const { raw, show } = require('./raw_helper');
const H = 'Host: a\r\n';
const cases = [
  'GET / HTTP/1.1\r\n' + H + '\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X-A: 1\r\n  2\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X-A:\r\n\t2\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'Bad Header: 1\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X-A : 1\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + ': empty\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X-A: a\x01b\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X\x7fA: 1\r\n\r\n',
  'GET / HTTP/1.1\nHost: a\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\n\n',
  'GET / HTTP/1.1\r\nHost: a\r\n\rX',
  'get / HTTP/1.1\r\n' + H + '\r\n',
  'GET / http/1.1\r\n' + H + '\r\n',
  'GET / HTTP/1.2\r\n' + H + '\r\n',
  'GET /a b HTTP/1.1\r\n' + H + '\r\n',
  'GET /a\tb HTTP/1.1\r\n' + H + '\r\n',
  'GET /\x80 HTTP/1.1\r\n' + H + '\r\n',
  'QUERY /q HTTP/1.1\r\n' + H + '\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Content-Length: 1\r\nContent-Length: 2\r\n\r\nab',
  'POST / HTTP/1.1\r\n' + H + 'Content-Length: 1x\r\n\r\na',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: gzip\r\n\r\nabc',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\nzz\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\n3;a=b;c\r\nabc\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\n3;' + 'e'.repeat(17000) + '\r\nabc\r\n0\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X: ' + 'x'.repeat(17000) + '\r\n\r\n',
  'GET / HTTP/1.1\r\n' + H + 'Connection: close\r\n\r\nGET /2 HTTP/1.1\r\n' + H + '\r\n',
  'Oopsie-doopsie\r\n',
];
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(req.method + ' ' + req.url + ' ' + show(body)));
});
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === cases.length) {
      server.close(() => console.log('closed'));
      return;
    }
    const c = cases[i++];
    raw(server.address().port, c, (r) => {
      console.log(show(c.length > 70 ? c.slice(0, 70) + '...' : c));
      console.log('  ->', show(r));
      next();
    });
  };
  next();
});
