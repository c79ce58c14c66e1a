// server.maxHeadersCount limits the pairs req.headers shows (not rawHeaders, not trailers); it is read when the connection starts (a change later does not affect an open
// keep-alive connection); 0 and null mean no limit.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    console.log(req.url, 'rawHeaders', JSON.stringify(req.rawHeaders));
    console.log(req.url, 'headers', JSON.stringify(req.headers));
    console.log(req.url, 'rawTrailers', JSON.stringify(req.rawTrailers));
    console.log(req.url, 'trailers', JSON.stringify(req.trailers));
    res.end('ok');
  });
});
const reqText = (url) => `POST ${url} HTTP/1.1\r\nHost: a\r\nX-One: 1\r\nX-Two: 2\r\n` +
  'X-Three: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT-A: a\r\nT-B: b\r\nT-C: c\r\n\r\n';
const send = (port, urls, cb) => {
  const c = net.connect(port, '127.0.0.1');
  let got = '';
  let i = 0;
  const next = () => {
    if (i === urls.length) return c.end();
    const [url, before] = urls[i++];
    if (before) before();
    c.write(reqText(url));
  };
  c.on('connect', next);
  c.setEncoding('latin1');
  c.on('data', (d) => {
    got += d;
    if (got.endsWith('\r\n\r\nok')) { got = ''; next(); }
  });
  c.on('close', cb);
};
server.maxHeadersCount = 2;
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  send(port, [['/two'], ['/changed-later', () => { server.maxHeadersCount = 4; }]], () => {
    send(port, [['/four']], () => {
      server.maxHeadersCount = 0;
      send(port, [['/zero']], () => {
        server.maxHeadersCount = null;
        send(port, [['/null']], () => server.close(() => console.log('closed')));
      });
    });
  });
});
