// Backpressure on a response: write() returns false past the high-water mark and 'drain'
// follows once the client reads; writableLength/writableNeedDrain report the queue.
const http = require('http');
const net = require('net');
const chunk = Buffer.alloc(64 * 1024, 'x');
const server = http.createServer((req, res) => {
  let writes = 0;
  let drains = 0;
  const total = 64;
  const write = () => {
    while (writes < total) {
      writes++;
      if (!res.write(chunk)) {
        if (drains === 0) console.log('write returned false; needDrain', res.writableNeedDrain,
                                      'queued more than hwm', res.writableLength >= res.writableHighWaterMark);
        res.once('drain', () => {
          drains++;
          write();
        });
        return;
      }
    }
    res.end(() => console.log('all written, drained at least once', drains > 0));
  };
  write();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
  });
  let bytes = 0;
  c.pause();
  setTimeout(() => c.resume(), 100);
  c.on('data', (d) => { bytes += d.length; });
  c.on('end', () => {
    console.log('client got the whole body', bytes > 64 * 64 * 1024);
    server.close(() => console.log('closed'));
  });
});
