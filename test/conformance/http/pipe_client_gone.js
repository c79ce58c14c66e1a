'use strict';
// A Readable piped into a response whose client goes away: the response's 'close' unpipes
// the source (which stays paused, its data unread), and nothing is written after.
const http = require('http');
const { Readable } = require('stream');

let produced = 0;
const src = new Readable({
  read() { produced++; this.push(Buffer.alloc(16384, 'x')); },
});
const server = http.createServer((req, res) => {
  res.on('close', () => console.log('server: res close, finished', res.writableFinished));
  res.on('unpipe', () => {
    console.log('server: unpipe, source paused', src.isPaused(), 'flowing', src.readableFlowing);
    const before = produced;
    setTimeout(() => {
      console.log('server: source idle since', produced === before);
      server.close(() => console.log('server: closed'));
    }, 50);
  });
  src.pipe(res);
});
server.listen(0, '127.0.0.1', () => {
  const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    res.once('data', () => {
      console.log('client: first data, destroying');
      req.destroy();
    });
  });
  req.on('error', (e) => console.log('client: error', e.code));
  req.on('close', () => console.log('client: close'));
});
