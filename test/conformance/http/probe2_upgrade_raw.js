// 'upgrade' and 'connect' seen with raw bytes: the head (bytes after the request head, in the
// same write), req.upgrade, an Upgrade header without "Connection: upgrade" (a normal request),
// an upgrade POST with a body, an upgrade after a pipelined normal request, and CONNECT with
// and without a listener.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.url, 'upgrade', req.upgrade, req.headers.upgrade);
  res.end('normal ' + req.url);
});
const onSwitch = (ev) => (req, socket, head) => {
  console.log(ev, req.method, req.url, 'upgrade', req.upgrade, 'head', show(head.toString('latin1')));
  socket.end(ev === 'upgrade' ? 'HTTP/1.1 101 Switching Protocols\r\n\r\nafter-101' : 'TUNNEL');
};
const U = 'Upgrade: x\r\nConnection: upgrade\r\n';
const cases = [
  'GET /u1 HTTP/1.1\r\nHost: a\r\n' + U + '\r\nHELLO\x00\x01',
  'GET /u2 HTTP/1.1\r\nHost: a\r\nUpgrade: x\r\n\r\n',
  'POST /u3 HTTP/1.1\r\nHost: a\r\n' + U + 'Content-Length: 3\r\n\r\nabcREST',
  'GET /n HTTP/1.1\r\nHost: a\r\n\r\nGET /u4 HTTP/1.1\r\nHost: a\r\n' + U + '\r\nTAIL',
  'CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\nTLS-BYTES',
  'CONNECT b.example:443 HTTP/1.1\r\nHost: b.example:443\r\n\r\n',
];
server.on('upgrade', onSwitch('upgrade'));
server.on('connect', onSwitch('connect'));
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === cases.length) return server.close(() => console.log('closed'));
    if (i === cases.length - 1) server.removeAllListeners('connect');
    const c = cases[i++];
    raw(server.address().port, c, (r) => {
      console.log(show(c));
      console.log('  ->', show(r));
      next();
    });
  };
  next();
});
