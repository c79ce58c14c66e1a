// ServerResponse errors not about header syntax: strictContentLength mismatches (write and
// end), 'Trailer' with Content-Length (ERR_HTTP_TRAILER_INVALID; the failed writeHead keeps
// its statusMessage), body writes to HEAD with rejectNonStandardBodyWrites, end(cb) after finish.
const http = require('http');
const { raw, show } = require('./raw_helper');
const tryIt = (label, fn) => {
  try { console.log(label, 'returned', fn()); } catch (e) { console.log(label, e.code, e.message); }
};
const server = http.createServer({ rejectNonStandardBodyWrites: true }, (req, res) => {
  if (req.url === '/strict') {
    res.strictContentLength = true;
    res.writeHead(200, { 'Content-Length': 5 });
    tryIt('write 3', () => res.write('abc'));
    tryIt('write 3 more', () => res.write('def'));
    tryIt('end 1', () => res.end('x') === res);
    res.end('de');
  } else if (req.url === '/strict-end') {
    res.strictContentLength = true;
    res.setHeader('Content-Length', 4);
    res.write('ab');
    tryIt('end()', () => res.end() === res);
    console.log('writableEnded', res.writableEnded);
    res.end('cd');
  } else if (req.url === '/trailer') {
    res.setHeader('Trailer', 'X-T');
    res.setHeader('Content-Length', 2);
    tryIt('writeHead 201', () => res.writeHead(201) === res);
    console.log('after', res.statusCode, res.statusMessage, res.headersSent);
    res.removeHeader('Trailer');
    res.statusCode = 202;
    res.end('ok');
  } else if (req.method === 'HEAD') {
    tryIt('HEAD write', () => res.write('x'));
    tryIt('HEAD end data', () => res.end('y') === res);
    res.end();
  } else {
    res.on('finish', () => {
      res.end((err) => console.log('end after finish', err && err.code, err && err.message));
      console.log('end after finish returned');
    });
    res.end('done');
  }
});
const reqs = ['GET /strict', 'GET /strict-end', 'GET /trailer', 'HEAD /head', 'GET /fin'];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === reqs.length) return server.close(() => console.log('closed'));
    raw(server.address().port, `${reqs[i++]} HTTP/1.1\r\nHost: a\r\n\r\n`, (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
