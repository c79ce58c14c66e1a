// test-http-server-client-error: a 'clientError' listener gets the parse error and answers.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  res.end('ok');
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err instanceof Error, err.code, err.message);
  console.log('bytesParsed', err.bytesParsed, 'rawPacket', JSON.stringify(err.rawPacket.toString()));
  console.log('socket writable', socket.writable);
  socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
  server.close(() => console.log('server closed'));
});
server.listen(0, function() {
  function next() {
    const client = net.connect(server.address().port);
    client.end('Oopsie-doopsie\r\n');
    let chunks = '';
    client.on('data', (chunk) => { chunks += chunk; });
    client.once('end', () => console.log('client got', JSON.stringify(chunks)));
  }
  http.get({ port: this.address().port, path: '/' }, (res) => {
    console.log('status', res.statusCode);
    res.resume();
    res.once('end', next);
  });
});
