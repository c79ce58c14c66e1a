// bytesRead / bytesWritten, before and after close.
const net = require('net');
const server = net.createServer((s) => {
  s.on('data', (d) => s.write(d));
  s.on('end', () => s.end());
  s.on('close', () => console.log('server bytesRead', s.bytesRead, 'bytesWritten', s.bytesWritten));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('before connect: bytesWritten', c.bytesWritten, 'bytesRead', c.bytesRead);
  c.write('x'.repeat(1000));
  console.log('queued before connect: bytesWritten', c.bytesWritten);
  let got = 0;
  c.on('data', (d) => { got += d.length; if (got === 1000) c.end(); });
  c.on('close', () => {
    console.log('client bytesRead', c.bytesRead, 'bytesWritten', c.bytesWritten);
    server.close();
  });
});
