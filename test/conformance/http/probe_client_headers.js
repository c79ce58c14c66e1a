// The request head http.request builds, as the server sees it: headers option with an array
// value, setHeader/removeHeader/getHeader on the ClientRequest before end, setHost: false (400),
// and the array form of headers (stored at once: no Host added, setHeader throws, chunked).
const http = require('http');
const tryIt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.message);
  }
};
let port;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    const raw = req.rawHeaders.map((h) => h.replace(String(port), 'PORT'));
    console.log('S', req.method, req.url, req.httpVersion, JSON.stringify(raw), JSON.stringify(body));
    console.log('S headers', JSON.stringify(req.headers).replace(String(port), 'PORT'));
    res.end();
  });
});
function send(opts, fn, next) {
  const req = http.request({ host: '127.0.0.1', port, ...opts }, (res) => {
    console.log('C status', res.statusCode, res.headers.connection);
    res.resume();
    res.on('end', next);
  });
  fn(req);
}
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  send({ method: 'PUT', path: '/a/b?x=1&y=%20', headers: { 'X-Dup': ['1', '2'], 'Content-Type': 'text/plain', 'x-num': 5 } }, (r) => {
    r.setHeader('X-Late', 'late');
    r.removeHeader('content-type');
    r.setHeader('Cookie', ['a=1', 'b=2']);
    console.log('C1', JSON.stringify(r.getHeader('x-dup')), r.getHeader('X-NUM'), r.hasHeader('Content-Type'),
                JSON.stringify(r.getHeaderNames()), JSON.stringify(r.getRawHeaderNames()), r.headersSent);
    r.end('put body');
  }, () => send({ path: '/get', setHost: false, headers: { Connection: 'close' } }, (r) => {
    r.end();
  }, () => send({ method: 'POST', path: '/arr', headers: ['X-A', '1', 'x-a', '2', 'Host', 'example.com'] }, (r) => {
    console.log('C3 headersSent', r.headersSent, 'host', r.getHeader('host'));
    tryIt('C3 setHeader', () => r.setHeader('X-Too-Late', '1'));
    r.write('ab');
    r.end('cd');
  }, () => server.close(() => console.log('closed')))));
});
