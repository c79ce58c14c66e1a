// test-http-server-keep-alive-timeout: an idle keep-alive connection is closed after
// keepAliveTimeout (+ Node's 1 s safety margin); a request in time restarts the countdown.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const server = http.createServer({ keepAliveTimeout: 100 }, (req, res) => {
  res.end('ok ' + req.url);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  let start;
  c.setEncoding('latin1');
  c.on('connect', () => {
    c.write('GET /1 HTTP/1.1\r\nHost: a\r\n\r\n');
    setTimeout(() => {
      c.write('GET /2 HTTP/1.1\r\nHost: a\r\n\r\n');
      start = Date.now();
    }, 600);
  });
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('client end'));
  c.on('close', () => {
    const elapsed = Date.now() - start;
    console.log(show(mask(got)));
    console.log('closed by the server after the timeout', elapsed >= 1000, elapsed < 3000);
    server.close(() => console.log('closed'));
  });
});
