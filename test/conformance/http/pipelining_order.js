// Pipelined requests are answered in order even when later handlers finish first; responses
// of later requests wait (buffered) until the earlier ones are finished.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  const delay = Number(req.url.slice(1));
  console.log('request', req.url, 'headersSent', res.headersSent);
  res.on('finish', () => console.log('finish', req.url));
  res.on('close', () => console.log('close', req.url));
  setTimeout(() => {
    res.setHeader('X-Url', req.url);
    res.end('response ' + req.url);
  }, delay);
});
server.listen(0, '127.0.0.1', () => {
  let text = '';
  for (const d of [60, 10, 30, 1]) text += `GET /${d} HTTP/1.1\r\nHost: a\r\n\r\n`;
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write(text));
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    got += d;
    if (got.split('HTTP/1.1 ').length === 5 && got.endsWith('response /1')) {
      for (const part of mask(got).split('HTTP/1.1 ').slice(1)) console.log(show('HTTP/1.1 ' + part));
      c.end();
    }
  });
  c.on('close', () => server.close(() => console.log('closed')));
});
