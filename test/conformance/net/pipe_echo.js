// socket.pipe(socket) echo, and pipe() of a socket into another stream.
const net = require('net');
const { PassThrough } = require('stream');
const server = net.createServer((s) => s.pipe(s));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const sink = new PassThrough();
  let total = 0;
  sink.on('data', (d) => { total += d.length; });
  sink.on('pipe', (src) => console.log('sink: pipe from socket', src === c));
  sink.on('finish', () => { console.log('sink finish, total', total); server.close(); });
  c.pipe(sink);
  const big = Buffer.alloc(200000, 7);
  c.write(big, () => console.log('written'));
  setTimeout(() => c.end(), 50);
});
