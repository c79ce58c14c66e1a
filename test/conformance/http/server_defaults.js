// Node 20's server defaults and the answers that follow from them: an HTTP/1.1 request without
// Host gets 400 (requireHostHeader), HTTP/1.0 gets "Connection: close" unless it asks for
// keep-alive, requireHostHeader: false lets a Host-less request through.
const http = require('http');
const { raw, show } = require('./raw_helper');
const handler = (req, res) => res.end(`${req.method} ${req.url} ${req.httpVersion}`);
const server = http.createServer(handler);
console.log('defaults', server.timeout, server.maxHeadersCount, server.maxRequestsPerSocket,
            server.headersTimeout, server.requestTimeout, server.keepAliveTimeout,
            server.requireHostHeader, server.httpAllowHalfOpen);
const cases = [
  'GET /nohost HTTP/1.1\r\n\r\n',
  'GET /ten HTTP/1.0\r\n\r\n',
  'GET /ten-ka HTTP/1.0\r\nConnection: keep-alive\r\n\r\n',
  'GET /close HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
  'POST /len HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody',
];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === cases.length) {
      return server.close(() => {
        const lax = http.createServer({ requireHostHeader: false }, handler);
        lax.listen(0, '127.0.0.1', () => {
          raw(lax.address().port, cases[0], (r) => {
            console.log('lax', show(r));
            lax.close(() => console.log('closed'));
          });
        });
      });
    }
    raw(server.address().port, cases[i++], (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
