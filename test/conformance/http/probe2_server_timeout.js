// server.setTimeout(ms[, cb]): an idle connection with no 'timeout' listener anywhere is
// destroyed; a pending response with a 'timeout' listener answers instead; with the callback
// (a server 'timeout' listener) the socket is left to it; a request with an unfinished body
// gets 'timeout' on the request too.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.url);
  req.on('timeout', () => console.log('req timeout', req.url, 'complete', req.complete));
  req.on('close', () => console.log('req close', req.url, 'complete', req.complete));
  if (req.url === '/slow') {
    res.on('timeout', (sock) => {
      console.log('res timeout', sock === res.socket, 'destroyed', sock.destroyed);
      res.setHeader('Connection', 'close');
      res.writeHead(503);
      res.end('late');
    });
  }
});
const conn = (text, cb) => {
  const c = net.connect(server.address().port, '127.0.0.1', () => { if (text) c.write(text); });
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('client end'));
  c.on('close', () => cb(mask(got)));
};
console.log('returns server', server.setTimeout(80) === server, 'timeout', server.timeout);
server.listen(0, '127.0.0.1', () => {
  conn('', (r1) => {
    console.log('idle, no listener:', show(r1));
    conn('GET /slow HTTP/1.1\r\nHost: a\r\n\r\n', (r2) => {
      console.log('slow response:', show(r2));
      server.setTimeout(60, (sock) => {
        console.log('server timeout callback', 'destroyed', sock.destroyed);
        sock.end('bye');
      });
      console.log('timeout', server.timeout, 'listeners', server.listenerCount('timeout'));
      conn('', (r3) => {
        console.log('idle, callback:', show(r3));
        conn('POST /part HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc', (r4) => {
          console.log('partial body:', show(r4));
          server.close(() => console.log('closed'));
        });
      });
    });
  });
});
