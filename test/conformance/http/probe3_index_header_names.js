// Header names that are array indices ("10", "2"; not "01") come first, in numeric order, in
// req.headers / req.headersDistinct and in getHeaderNames() / getRawHeaderNames() /
// getHeaders() and on the wire, because Node keeps headers in JS objects (integer-like keys
// are enumerated first). req.rawHeaders keeps the received order.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  res.sendDate = false;
  console.log('req.headers', JSON.stringify(req.headers));
  console.log('req.headersDistinct', JSON.stringify(req.headersDistinct));
  console.log('req.rawHeaders', JSON.stringify(req.rawHeaders));
  res.setHeader('X-A', 'a');
  res.setHeader('10', 'ten');
  res.setHeader('2', 'two');
  res.setHeader('01', 'zero-one');
  console.log('names', JSON.stringify(res.getHeaderNames()), JSON.stringify(res.getRawHeaderNames()));
  console.log('headers', JSON.stringify(res.getHeaders()));
  res.end('n');
});
server.listen(0, '127.0.0.1', () => {
  raw(server.address().port, 'GET / HTTP/1.1\r\nHost: a\r\n10: x\r\n2: y\r\n01: z\r\n\r\n', (r) => {
    console.log(show(r));
    server.close(() => console.log('closed'));
  });
});
