// end(data, cb) and write callbacks order relative to 'finish'.
const net = require('net');
const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); });
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('a', () => console.log('write a cb'));
    c.write('b', () => console.log('write b cb'));
    c.end('c', () => console.log('end cb'));
    console.log('writableEnded', c.writableEnded, 'writableFinished', c.writableFinished);
  });
  c.on('finish', () => console.log('finish; writableFinished', c.writableFinished));
  c.resume();
  c.on('close', () => server.close());
});
