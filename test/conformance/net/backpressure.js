// write() returns false above highWaterMark; 'drain' follows once the data is flushed.
const net = require('net');
const server = net.createServer((s) => {
  setTimeout(() => s.resume(), 50);
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    let writes = 0;
    let ret;
    do { ret = c.write(chunk); writes++; } while (ret && writes < 1000);
    console.log('write returned false after some writes', ret === false, 'needDrain', c.writableNeedDrain);
    console.log('writableLength >= highWaterMark', c.writableLength >= c.writableHighWaterMark, c.writableHighWaterMark);
    c.once('drain', () => {
      console.log('drain; writableLength', c.writableLength, 'needDrain', c.writableNeedDrain);
      c.end();
    });
  });
  c.on('close', () => { console.log('close'); server.close(); });
});
