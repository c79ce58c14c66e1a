// requestTimeout with a body that never completes: no response started -> the 408 bytes;
// response headers already sent -> no 408, just the cut; a 'clientError' listener gets
// ERR_HTTP_REQUEST_TIMEOUT and answers itself. The request sees 'aborted' and 'close'.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const server = http.createServer({
  headersTimeout: 100,
  requestTimeout: 150,
  connectionsCheckingInterval: 20,
}, (req, res) => {
  console.log('request', req.url);
  req.on('data', (d) => console.log('req data', JSON.stringify(String(d))));
  req.on('aborted', () => console.log('req aborted', req.url, 'complete', req.complete));
  req.on('error', (e) => console.log('req error', e.code, e.message));
  req.on('close', () => console.log('req close', req.url));
  res.on('close', () => console.log('res close', req.url, 'finished', res.finished,
                                    'headersSent', res.headersSent));
  if (req.url === '/started') {
    res.writeHead(200, { 'Content-Length': '100' });
    res.write('partial');
  }
});
const conn = (text, cb) => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write(text));
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('error', (e) => { got += '[' + e.code + ']'; });
  c.on('close', () => cb(mask(got)));
};
const body = (url) => `POST ${url} HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc`;
server.listen(0, '127.0.0.1', () => {
  conn(body('/none'), (r1) => {
    console.log('not started:', show(r1));
    conn(body('/started'), (r2) => {
      console.log('started:', show(r2));
      server.on('clientError', (err, socket) => {
        console.log('clientError', err.code, err.message, 'writable', socket.writable,
                    'destroyed', socket.destroyed);
        socket.end('HTTP/1.1 418 Custom\r\nConnection: close\r\n\r\n');
      });
      conn(body('/listener'), (r3) => {
        console.log('listener:', show(r3));
        server.close(() => console.log('closed'));
      });
    });
  });
});
