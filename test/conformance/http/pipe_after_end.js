'use strict';
// Piping into a response that already ended: the source's write comes too late, the pipe
// unpipes (the source stays paused) and the client gets only what end() sent.
const http = require('http');
const { Readable } = require('stream');
let src;
const server = http.createServer((req, res) => {
  res.end('done');
  src = new Readable({ read() {} });
  res.on('error', (e) => console.log('server: res error', e.code, e.message));
  res.on('unpipe', () => console.log('server: unpipe; source paused', src.isPaused()));
  src.pipe(res);
  src.push('late');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('client:', res.statusCode, body);
      src.push(null);
      server.close(() => console.log('server: closed'));
    });
  });
});
