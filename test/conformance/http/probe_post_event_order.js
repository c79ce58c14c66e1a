// A POST with a chunked request body read by the server: the order of the events on both
// sides, with complete / writableEnded / writableFinished / headersSent at each step.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('S request', req.headers['transfer-encoding'], 'complete', req.complete);
  req.on('data', (d) => console.log('S data', JSON.stringify(String(d)), req.complete));
  req.on('end', () => {
    console.log('S end', req.complete, 'readableEnded', req.readableEnded);
    res.on('prefinish', () => console.log('S prefinish', res.writableEnded, res.writableFinished));
    res.on('finish', () => console.log('S finish', res.writableEnded, res.writableFinished));
    res.on('close', () => console.log('S res close', res.writableFinished, res.destroyed));
    res.end('done', () => console.log('S end callback'));
    console.log('S after end()', res.writableEnded, res.writableFinished, res.headersSent);
  });
  req.on('close', () => console.log('S req close', req.complete, req.destroyed));
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST' });
  req.on('socket', () => console.log('C socket', req.headersSent));
  req.on('prefinish', () => console.log('C prefinish', req.writableEnded, req.writableFinished));
  req.on('finish', () => console.log('C finish', req.writableEnded, req.writableFinished));
  req.on('response', (res) => {
    console.log('C response', res.statusCode, res.headers['transfer-encoding'], res.complete);
    res.on('data', (d) => console.log('C data', String(d), res.complete));
    res.on('end', () => console.log('C end', res.complete));
    res.on('close', () => console.log('C res close', res.destroyed));
  });
  req.on('close', () => {
    console.log('C req close', req.destroyed, req.writableFinished);
    server.close(() => console.log('closed'));
  });
  console.log('write', req.write('one'), req.headersSent);
  req.write(Buffer.from('two'));
  req.end('three', () => console.log('C end callback'));
  console.log('after end()', req.writableEnded, req.writableFinished);
});
