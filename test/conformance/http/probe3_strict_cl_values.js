// strictContentLength with a user Content-Length that is not plain digits: Node reads it with
// unary plus (" 2" and "0x2" are 2, "" is 0, 2.5 stays 2.5, "abc" is NaN), so end() finds the
// mismatch (after the head is stored: the handler destroys the response), while "3 " and
// "0x3" match a 3-byte body.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  res.sendDate = false;
  res.strictContentLength = true;
  const v = decodeURIComponent(req.url.slice(4));
  res.setHeader('Content-Length', req.url === '/cl/float' ? 2.5 : v);
  try {
    res.end('abc');
    console.log(JSON.stringify(v), 'end ok');
  } catch (e) {
    console.log(JSON.stringify(v), e.code, e.message, 'headersSent', res.headersSent);
    res.destroy();
  }
});
const urls = ['/cl/%202', '/cl/0x2', '/cl/', '/cl/float', '/cl/abc', '/cl/3%20', '/cl/0x3', '/cl/3'];
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
