// net.Socket has decodeStrings: false, so a string write counts its length in UTF-16 code units
// (not bytes) in writableLength and the highWaterMark check: write() returns and 'drain'.
const net = require('net');
const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const cases = [
    ['utf8 2-byte x10000', (c) => c.write('\u00e9'.repeat(10000))],
    ['hex 18000 chars', (c) => c.write('ab'.repeat(9000), 'hex')],
    ['base64 20000 chars', (c) => c.write('QUJD'.repeat(5000), 'base64')],
    ['utf16le 9000 chars', (c) => c.write('x'.repeat(9000), 'utf16le')],
    ['buffer 16384', (c) => c.write(Buffer.alloc(16384))],
  ];
  let left = cases.length;
  const drainCounts = [];
  for (const [name, write] of cases) {
    const c = net.connect(port, '127.0.0.1');
    const ret = write(c);
    console.log(name, 'returned', ret, 'writableLength', c.writableLength, 'bytesWritten', c.bytesWritten,
                'needDrain', c.writableNeedDrain);
    let drains = 0;
    c.on('drain', () => drains++);
    c.on('connect', () => c.end());
    const i = drainCounts.push(0) - 1;
    c.on('close', () => {
      drainCounts[i] = drains;
      if (--left > 0) return;
      cases.forEach(([n], j) => console.log(n, 'drains', drainCounts[j]));
      server.close();
    });
  }
});
