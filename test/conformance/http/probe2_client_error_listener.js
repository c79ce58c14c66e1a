// A 'clientError' listener sees each parse error (code, reason, bytesParsed, rawPacket size,
// the socket still writable) and writes its own answer; an error after a good pipelined
// request comes after that request's response.
const http = require('http');
const { raw, show } = require('./raw_helper');
const H = 'Host: a\r\n';
const cases = [
  'GET / HTTP/1.1\r\n' + H + 'Bad Header: 1\r\n\r\n',
  'POST / HTTP/1.1\r\n' + H + 'Content-Length: 1\r\nContent-Length: 2\r\n\r\nab',
  'POST / HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\nzz\r\n',
  'GET / HTTP/1.1\r\n' + H + 'X: ' + 'x'.repeat(17000) + '\r\n\r\n',
  'GET /ok HTTP/1.1\r\n' + H + '\r\nBROKEN\r\n\r\n',
  'POST /body HTTP/1.1\r\n' + H + 'Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3x\r\n',
];
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.url);
  req.on('data', (d) => console.log('body', JSON.stringify(d.toString())));
  req.on('error', (e) => console.log('req error', e.code));
  req.on('aborted', () => console.log('req aborted'));
  res.end('ok ' + req.url);
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.code, err.reason, err.bytesParsed, err.rawPacket.length,
              'writable', socket.writable);
  socket.end('HTTP/1.1 400 Custom\r\nContent-Length: 0\r\n\r\n');
});
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === cases.length) return server.close(() => console.log('closed'));
    const c = cases[i++];
    raw(server.address().port, c, (r) => {
      console.log(show(c.length > 70 ? c.slice(0, 70) + '...' : c));
      console.log('  ->', show(r));
      next();
    });
  };
  next();
});
