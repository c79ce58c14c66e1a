// A writeHead that throws leaves state behind: the status code and message are already set
// (end() then sends them), the headers passed before the bad one were stored only on the slow
// path (after setHeader); a bad reason phrase stays and makes the implicit writeHead of end()
// throw again until statusMessage is cleared.
const http = require('http');
const { raw, show } = require('./raw_helper');
const tryIt = (label, fn) => {
  try { fn(); console.log(label, 'ok'); } catch (e) { console.log(label, e.code, e.message); }
};
const state = (res) => `status=${res.statusCode} message=${JSON.stringify(res.statusMessage)} sent=${res.headersSent} names=${JSON.stringify(res.getHeaderNames())}`;
const server = http.createServer((req, res) => {
  res.sendDate = false;
  const u = req.url;
  if (u === '/fast-bad') {
    tryIt('fast writeHead', () => res.writeHead(201, { 'X-Ok': '1', 'X-Bad': 'a\nb' }));
  } else if (u === '/slow-bad') {
    res.setHeader('X-Pre', 'p');
    tryIt('slow writeHead', () => res.writeHead(202, { 'X-Ok': '1', 'X-Bad': 'a\nb', 'X-After': '2' }));
  } else if (u === '/bad-name') {
    tryIt('bad name writeHead', () => res.writeHead(203, { 'Bad Name': 'v' }));
  } else if (u === '/bad-value-undefined') {
    res.setHeader('X-Pre', 'p');
    tryIt('undefined value writeHead', () => res.writeHead(206, { 'X-U': undefined }));
  } else if (u === '/bad-reason') {
    tryIt('bad reason writeHead', () => res.writeHead(207, 'a\rb'));
    console.log(u, state(res));
    tryIt('end with bad reason', () => res.end('x'));
    res.statusMessage = '';
  }
  console.log(u, state(res));
  res.end('x');
});
const urls = ['/fast-bad', '/slow-bad', '/bad-name', '/bad-value-undefined', '/bad-reason'];
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
