// server.close() closes idle keep-alive connections at once (busy ones finish their
// response); closeAllConnections() destroys the rest. Each step waits for the event it needs
// (not for a timer), so a loaded machine cannot reorder them.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
let slowRes;
const server = http.createServer((req, res) => {
  if (req.url === '/slow') {
    slowRes = res;
    console.log('slow request in progress');
    setImmediate(() => {
      console.log('close the server');
      server.close(() => console.log('server closed'));
    });
    return;
  }
  res.end('quick');
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const idle = net.connect(port, '127.0.0.1', () => idle.write('GET /q HTTP/1.1\r\nHost: a\r\n\r\n'));
  let idleGot = '';
  idle.setEncoding('latin1');
  idle.on('data', (d) => {
    idleGot += d;
    if (idleGot.endsWith('quick')) {
      const busy = net.connect(port, '127.0.0.1', () => busy.write('GET /slow HTTP/1.1\r\nHost: a\r\n\r\n'));
      busy.on('close', () => console.log('busy connection closed'));
    }
  });
  idle.on('close', () => {
    console.log('idle connection closed:', show(mask(idleGot).slice(0, 17)));
    console.log('slow response still open', !slowRes.writableEnded);
    server.closeAllConnections();
  });
});
