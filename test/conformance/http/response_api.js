// ServerResponse header bookkeeping: setHeader/getHeader/getHeaders/getHeaderNames/
// getRawHeaderNames/hasHeader/removeHeader/appendHeader, writeHead merging, the array form,
// statusMessage defaults, sendDate, headersSent.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  if (req.url === '/api') {
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Multi', ['a', 'b']);
    res.setHeader('x-num', 7);
    res.appendHeader('X-Multi', 'c');
    res.appendHeader('X-New', 'n');
    console.log('getHeader', res.getHeader('content-type'), JSON.stringify(res.getHeader('x-multi')),
                res.getHeader('X-NUM'), res.getHeader('missing'));
    console.log('names', JSON.stringify(res.getHeaderNames()), JSON.stringify(res.getRawHeaderNames()));
    console.log('headers', JSON.stringify(res.getHeaders()));
    console.log('has', res.hasHeader('X-Num'), res.hasHeader('nope'));
    res.removeHeader('x-num');
    res.removeHeader('Date');
    console.log('after remove', JSON.stringify(res.getHeaderNames()), 'sendDate', res.sendDate);
    res.writeHead(202, { 'X-Head': 'h', 'Content-Type': 'text/html' });
    console.log('statusMessage', res.statusMessage, 'headersSent', res.headersSent);
    res.end('api');
  } else if (req.url === '/array') {
    res.writeHead(200, ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'X-Y', 'z']);
    res.end();
  } else if (req.url === '/unknown') {
    res.statusCode = 599;
    res.end();
  } else {
    res.statusMessage = 'Custom';
    res.sendDate = false;
    res.writeHead(200, 'Override', { 'Content-Length': 2 });
    res.end('ok');
  }
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const urls = ['/api', '/array', '/unknown', '/other'];
  let i = 0;
  const next = () => {
    if (i === urls.length) return server.close(() => console.log('closed'));
    raw(port, `GET ${urls[i++]} HTTP/1.1\r\nHost: a\r\n\r\n`, (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
