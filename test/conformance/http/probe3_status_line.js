// Status lines: the default reason for codes Node does not know (299, 999, 306), a reason set
// before writeHead surviving a new code, writeHead(code, '') (an empty reason), the implicit
// head of write()/end() with statusCode set, and end('') / end() framing.
const http = require('http');
const { raw, show } = require('./raw_helper');
const firstLine = (r) => r.slice(0, r.indexOf('\r\n'));
const server = http.createServer((req, res) => {
  res.sendDate = false;
  const u = req.url;
  console.log(u, 'before', res.statusCode, res.headersSent);
  if (u === '/299') {
    res.writeHead(299);
  } else if (u === '/999') {
    res.writeHead(999, { 'Content-Length': 0 });
  } else if (u === '/306') {
    res.statusCode = 306;
    res.write('x');
  } else if (u === '/418') {
    res.writeHead(418);
  } else if (u === '/preset') {
    res.statusMessage = 'Preset';
    res.writeHead(404);
  } else if (u === '/empty-reason') {
    res.writeHead(200, '');
  } else if (u === '/reason-and-headers') {
    res.writeHead(200, 'Fine', { 'X-R': 'r' });
  } else if (u === '/end-empty') {
    res.statusCode = 202;
    res.end('');
  } else if (u === '/end-buffer') {
    res.end(Buffer.from('buf'));
  } else if (u === '/status-after') {
    res.statusCode = 500;
    res.statusMessage = 'Boom';
    res.end('e');
  }
  console.log(u, 'after', JSON.stringify(res.statusMessage), res.statusCode, res.headersSent);
  if (!res.writableEnded) res.end();
});
const urls = ['/299', '/999', '/306', '/418', '/preset', '/empty-reason', '/reason-and-headers',
  '/end-empty', '/end-buffer', '/status-after'];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === urls.length) return server.close(() => console.log('closed'));
    raw(server.address().port, `GET ${urls[i++]} HTTP/1.1\r\nHost: a\r\n\r\n`, (r) => {
      console.log(show(firstLine(r)), show(r.slice(r.indexOf('\r\n') + 2)));
      next();
    });
  };
  next();
});
