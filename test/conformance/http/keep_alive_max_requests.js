// test-http-keep-alive-max-requests: at maxRequestsPerSocket the response says
// "Connection: close"; a request after it gets 503 and 'dropRequest'.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const bodySent = 'This is my request';
function request(withBody) {
  if (withBody) {
    return 'POST / HTTP/1.1\r\nHost: a\r\n' + 'Connection: keep-alive\r\n' +
      'Content-Type: text/plain\r\n' + `Content-Length: ${bodySent.length}\r\n\r\n` + bodySent;
  }
  return 'GET / HTTP/1.1\r\nHost: a\r\n' + 'Connection: keep-alive\r\n' + '\r\n';
}
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (data) => { body += data; });
  req.on('end', () => {
    console.log('request', req.method, JSON.stringify(body));
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('Hello World!');
    res.end();
  });
});
server.on('dropRequest', (req, socket) => {
  console.log('dropRequest', req.method, req.url, socket.remoteAddress !== undefined);
});
server.maxRequestsPerSocket = 3;
server.listen(0, () => {
  const socket = new net.Socket();
  let buffer = '';
  socket.on('data', (data) => { buffer += data; });
  socket.on('end', () => {
    for (const part of mask(buffer).split('HTTP/1.1 ').slice(1)) console.log(show('HTTP/1.1 ' + part));
    server.close(() => console.log('closed'));
  });
  socket.on('ready', () => {
    // One write: the four requests are parsed together, in order.
    socket.write(request(false) + request(true) + request(false) + request(true));
  });
  socket.connect(server.address().port);
});
