// test-http-header-overflow: headers reaching maxHeaderSize are answered 431 and the socket sees
// HPE_HEADER_OVERFLOW.
const { createServer, maxHeaderSize } = require('http');
const { createConnection } = require('net');
const CRLF = '\r\n';
const DUMMY_HEADER_NAME = 'Cookie: ';
const DUMMY_HEADER_VALUE = 'a'.repeat(
  // Plus one is to make it 1 byte too big
  maxHeaderSize - DUMMY_HEADER_NAME.length + 2,
);
const PAYLOAD_GET = 'GET /blah HTTP/1.1';
const PAYLOAD = PAYLOAD_GET + CRLF + DUMMY_HEADER_NAME + DUMMY_HEADER_VALUE;
console.log('maxHeaderSize', maxHeaderSize, 'payload', PAYLOAD.length);
const server = createServer();
server.on('connection', (socket) => {
  socket.on('error', (err) => {
    console.log('socket error', err.code, err.message);
    console.log('rawPacket is the payload', err.rawPacket.toString() === PAYLOAD);
  });
});
server.listen(0, () => {
  const c = createConnection(server.address().port);
  let received = '';
  c.on('connect', () => c.write(PAYLOAD));
  c.on('data', (data) => { received += data.toString(); });
  c.on('end', () => {
    console.log('client got', JSON.stringify(received));
    c.end();
  });
  c.on('close', () => server.close(() => console.log('closed')));
});
