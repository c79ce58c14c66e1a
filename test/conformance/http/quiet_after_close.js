'use strict';
// After 'close' a request's and a response's listeners stay where they are (nodecc lets go
// of them, silently): no 'removeListener' event fires on either.
const http = require('http');
const server = http.createServer((req, res) => {
  let removed = 0;
  for (const [name, e] of [['req', req], ['res', res]]) {
    e.on('removeListener', (ev) => {
      removed++;
      console.log(name, 'removeListener', ev);
    });
  }
  req.on('data', () => {});
  req.on('end', () => console.log('req end'));
  req.on('close', () => console.log('req close'));
  res.on('finish', () => console.log('res finish'));
  res.on('close', () => {
    console.log('res close');
    setImmediate(() => {
      console.log('after close: removed', removed);
      server.close();
    });
  });
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (r) => r.resume());
});
