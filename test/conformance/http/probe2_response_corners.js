// ServerResponse corners: writeHead twice, writeHead/setHeader after write, an out-of-range
// statusCode found by end(), Content-Length that does not match the body (strictContentLength
// off: bytes go out as written), user Content-Length together with Transfer-Encoding, write('').
const http = require('http');
const { raw, show } = require('./raw_helper');
const tryIt = (label, fn) => {
  try { console.log(label, 'returned', fn()); } catch (e) { console.log(label, e.code, e.message); }
};
const server = http.createServer((req, res) => {
  const u = req.url;
  if (u === '/twice') {
    res.writeHead(201, { 'X-A': '1' });
    tryIt('writeHead again', () => res.writeHead(202, { 'X-B': '2' }) === res);
    console.log('statusCode', res.statusCode, 'headersSent', res.headersSent);
    res.end('t');
  } else if (u === '/after-write') {
    res.write('w');
    tryIt('writeHead after write', () => res.writeHead(500) === res);
    tryIt('setHeader after write', () => res.setHeader('X-Late', '1') === res);
    res.end();
  } else if (u === '/status') {
    res.statusCode = 1000;
    tryIt('end with 1000', () => res.end('x') === res);
    console.log('headersSent', res.headersSent, 'writableEnded', res.writableEnded);
    res.statusCode = 99;
    tryIt('write with 99', () => res.write('x'));
    res.statusCode = 299;
    res.end('ok');
  } else if (u === '/short') {
    res.setHeader('Content-Length', 10);
    tryIt('end 3 of 10', () => res.end('abc') === res);
  } else if (u === '/long') {
    res.writeHead(200, { 'Content-Length': '2' });
    tryIt('write 3', () => res.write('abc'));
    tryIt('end 2 more', () => res.end('de') === res);
  } else if (u === '/both') {
    res.setHeader('Content-Length', 3);
    res.setHeader('Transfer-Encoding', 'chunked');
    res.end('xyz');
  } else {
    tryIt('write empty', () => res.write(''));
    console.log('headersSent', res.headersSent);
    res.end();
  }
});
const urls = ['/twice', '/after-write', '/status', '/short', '/long', '/both', '/empty'];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === urls.length) return server.close(() => console.log('closed'));
    raw(server.address().port, `GET ${urls[i++]} HTTP/1.1\r\nHost: a\r\n\r\n`, (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
