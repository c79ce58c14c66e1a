// A client that sends its headers one byte at a time, slower than headersTimeout, gets
// "408 Request Timeout" and the connection is closed (the check runs every
// connectionsCheckingInterval).
const http = require('http');
const net = require('net');
const { show } = require('./raw_helper');
const server = http.createServer({
  headersTimeout: 200,
  requestTimeout: 400,
  connectionsCheckingInterval: 25,
}, (req, res) => {
  console.log('request (unexpected)');
  res.end();
});
console.log('timeouts', server.headersTimeout, server.requestTimeout, server.keepAliveTimeout,
            server.connectionsCheckingInterval);
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const text = 'GET / HTTP/1.1\r\nHost: a\r\nX-Slow: ' + 'x'.repeat(100) + '\r\n\r\n';
  let i = 0;
  let got = '';
  let timer;
  const send = () => {
    if (i < text.length && !c.destroyed) {
      c.write(text[i++]);
      timer = setTimeout(send, 10);
    }
  };
  c.on('connect', send);
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('error', () => {});
  c.on('close', () => {
    clearTimeout(timer);
    console.log('client got', show(got));
    console.log('sent fewer bytes than the headers', i < text.length);
    server.close(() => console.log('closed'));
  });
});
