// setEncoding keeps multi-byte characters whole across chunks.
const net = require('net');
const euro = Buffer.from('€');  // e2 82 ac
const server = net.createServer((s) => {
  s.write(euro.subarray(0, 1));
  setTimeout(() => { s.write(euro.subarray(1)); s.end(Buffer.from('ü!')); }, 20);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setEncoding('utf8');
  console.log('readableEncoding', c.readableEncoding);
  const parts = [];
  c.on('data', (d) => { console.log('data', typeof d, JSON.stringify(d)); parts.push(d); });
  c.on('end', () => { console.log('joined', parts.join('')); server.close(); });
});
