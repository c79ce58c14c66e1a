// A client that disconnects in the middle of a request body: the request gets 'aborted' and
// 'close' (and an ECONNRESET "aborted" error only for those who listen), the response 'close'.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.headers['content-length']);
  let n = 0;
  req.on('data', (d) => {
    n += d.length;
    if (n === 5) {
      console.log('got 5 bytes; client goes away');
      client.destroy();
    }
  });
  req.on('aborted', () => console.log('req aborted', req.aborted, req.complete));
  req.on('error', (e) => console.log('req error', e.code, e.message));
  req.on('end', () => console.log('req end (unexpected)'));
  req.on('close', () => console.log('req close', req.destroyed));
  res.on('close', () => {
    console.log('res close', res.writableEnded, res.destroyed);
    server.close(() => console.log('closed'));
  });
});
let client;
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1', () => {
    client.write('POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nhello');
  });
});
