// Expect: 100-continue. Without a 'checkContinue' listener the server answers 100 itself;
// with one, the listener decides; an unknown expectation gets 417 unless 'checkExpectation'.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('request', req.url, req.headers.expect);
  req.resume();
  req.on('end', () => res.end('done ' + req.url));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const body = 'POST /%s HTTP/1.1\r\nHost: a\r\nExpect: %s\r\nContent-Length: 3\r\n\r\nabc';
  const make = (path, expect) => body.replace('%s', path).replace('%s', expect);
  raw(port, make('auto', '100-continue'), (r1) => {
    console.log(show(r1));
    server.on('checkContinue', (req, res) => {
      console.log('checkContinue', req.url);
      res.writeContinue(() => console.log('writeContinue callback'));
      server.emit('request', req, res);
    });
    raw(port, make('listener', '100-Continue'), (r2) => {
      console.log(show(r2));
      raw(port, make('odd', 'something-else'), (r3) => {
        console.log(show(r3));
        server.on('checkExpectation', (req, res) => {
          console.log('checkExpectation', req.headers.expect);
          res.writeHead(402);
          res.end();
        });
        raw(port, make('odd2', 'something-else'), (r4) => {
          console.log(show(r4));
          const req = http.request({ port, host: '127.0.0.1', method: 'PUT', path: '/client',
                                     headers: { Expect: '100-continue' } });
          req.on('continue', () => {
            console.log('client: continue');
            req.end('xyz');
          });
          req.on('information', (info) => console.log('client: information', info.statusCode));
          req.on('response', (res) => {
            res.setEncoding('utf8');
            res.on('data', (d) => console.log('client: body', d));
            res.on('end', () => server.close(() => console.log('closed')));
          });
        });
      });
    });
  });
});
