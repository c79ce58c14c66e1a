'use strict';
// readable.pipe(res): a request body piped back as the response (req.pipe(res)), a Readable
// of 1 MiB piped into a response under backpressure, and unpipe() midway (the response then
// ended by hand), with the response's 'pipe', 'unpipe' and 'finish' events.
const http = require('http');
const { Readable } = require('stream');

const server = http.createServer((req, res) => {
  res.on('pipe', (src) => console.log('server: pipe', req.url, src === req));
  res.on('unpipe', () => console.log('server: unpipe', req.url));
  res.on('finish', () => console.log('server: finish', req.url));
  if (req.url === '/echo') {
    req.pipe(res);
  } else if (req.url === '/big') {
    let i = 0;
    let paused = false;
    const src = new Readable({
      read() { this.push(i++ < 64 ? Buffer.alloc(16384, 'a') : null); },
    });
    src.on('pause', () => { paused = true; });
    src.on('end', () => console.log('server: big source ended, paused', paused));
    src.pipe(res);
  } else {
    const src = new Readable({ read() {} });
    src.pipe(res);
    src.push('one ');
    setImmediate(() => {
      src.unpipe(res);
      src.push('lost');
      res.end('two');
    });
  }
});

function request(method, path, body, next) {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method, path }, (res) => {
    let n = 0;
    let text = '';
    res.on('data', (d) => { n += d.length; if (n <= 64) text += d.toString(); });
    res.on('end', () => {
      console.log('client:', path, res.statusCode, res.headers['transfer-encoding'], n,
                  n <= 64 ? text : '(long)');
      next();
    });
  });
  req.end(body);
}

server.listen(0, '127.0.0.1', () => {
  request('POST', '/echo', 'hello pipe', () =>
    request('GET', '/big', undefined, () =>
      request('GET', '/unpipe', undefined, () => server.close())));
});
