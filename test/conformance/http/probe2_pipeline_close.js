// Pipelined requests in one write, the third with "Connection: close": /1 answers on
// setImmediate, /2 at once, /3 on process.nextTick. Order of 'request'/'finish'/'close', the
// response bytes, who closes the socket. Then the same with a fourth request after the close
// one (a parse error while /1 is still unanswered).
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.url, req.headers.connection, 'shouldKeepAlive', res.shouldKeepAlive);
  res.on('finish', () => console.log('finish', req.url, 'headersSent', res.headersSent));
  res.on('close', () => console.log('res close', req.url));
  req.on('close', () => console.log('req close', req.url));
  const answer = () => {
    res.setHeader('X-Url', req.url);
    res.end('body' + req.url);
    console.log('ended', req.url, 'writableFinished', res.writableFinished);
  };
  if (req.url === '/1') setImmediate(answer);
  else if (req.url === '/2') answer();
  else process.nextTick(answer);
});
server.on('connection', (s) => s.on('close', () => console.log('server socket close')));
const three = 'GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\n' +
              'GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n';
const run = (text, cb) => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write(text));
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('client end'));
  c.on('close', () => {
    for (const part of mask(got).split('HTTP/1.1 ').slice(1)) console.log(show('HTTP/1.1 ' + part));
    cb();
  });
};
server.listen(0, '127.0.0.1', () => {
  run(three, () => {
    console.log('--- with a fourth request');
    run(three + 'GET /4 HTTP/1.1\r\nHost: a\r\n\r\n', () => server.close(() => console.log('closed')));
  });
});
