// ClientRequest properties and header API: http.get with a URL string (hash dropped, auth
// decoded), URL + options (options win), hostname over host, lower-case method, defaultPort
// (no port in Host), an IPv6 host's Host header, getHeaders/getHeaderNames/getRawHeaderNames,
// appendHeader, setHeader/removeHeader after flushHeaders and in the response callback
// (ERR_HTTP_HEADERS_SENT), and the synchronous throws of http.get/http.request.
const http = require('http');
const tryIt = (label, fn) => {
  try {
    const r = fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, 'throws', e.code, e.message);
  }
};
let port;
const P = (s) => String(s).replace(String(port), 'PORT');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    const h = req.headers;
    console.log('S', req.method, req.url, P(h.host), h.authorization, h['x-a'], h['x-foo'],
                h['transfer-encoding'], h['content-length'], JSON.stringify(body));
    res.end();
  });
});
function show(label, req) {
  console.log(label, req.method, req.path, req.host, req.protocol, P(req.getHeader('host')),
              req.headersSent, req.reusedSocket);
}
function step1(next) {
  const req = http.get(`http://127.0.0.1:${port}/a/b?c=d#frag`, (res) => {
    tryIt('1 setHeader in response', () => req.setHeader('X-Late', '1'));
    res.resume();
    res.on('end', next);
  });
  show('1', req);
}
function step2(next) {
  const req = http.get(`http://u%20x:p%40@127.0.0.1:${port}/auth?q`, { path: '/override', headers: { 'X-A': 'a' } }, (res) => {
    res.resume();
    res.on('end', next);
  });
  show('2', req);
}
function step3(next) {
  const req = http.request({ hostname: '127.0.0.1', host: 'ignored.invalid', port, method: 'post', path: '/p' }, (res) => {
    res.resume();
    res.on('end', next);
  });
  show('3', req);
  req.setHeader('X-Foo', 'a');
  req.appendHeader('x-foo', 'b');
  req.setHeader('X-Num', 7);
  console.log('3 headers', P(JSON.stringify(req.getHeaders())), JSON.stringify(req.getHeaderNames()),
              JSON.stringify(req.getRawHeaderNames()));
  req.flushHeaders();
  console.log('3 headersSent', req.headersSent);
  tryIt('3 setHeader', () => req.setHeader('X-B', '1'));
  tryIt('3 removeHeader', () => req.removeHeader('x-foo'));
  tryIt('3 appendHeader', () => req.appendHeader('x-foo', 'c'));
  tryIt('3 getHeader', () => JSON.stringify(req.getHeader('x-foo')));
  req.write('ab');
  req.end('c');
}
function step4(next) {
  const req = http.get({ host: '127.0.0.1', defaultPort: port, path: '/dp' }, (res) => {
    res.resume();
    res.on('end', next);
  });
  show('4', req);
}
function step5(next) {
  const req = http.get({ host: '::1', port: 1, agent: false, path: '/v6' });
  show('5', req);
  req.on('error', (e) => console.log('5 error', e.code, e.message));
  req.on('close', next);
  req.destroy();
}
function throws() {
  tryIt('no scheme', () => http.get('127.0.0.1/x'));
  tryIt('https', () => http.get('https://127.0.0.1/x'));
  tryIt('protocol option', () => http.request({ protocol: 'ftp:', host: '127.0.0.1' }));
  tryIt('space in path', () => http.request({ host: '127.0.0.1', path: '/a b' }));
  tryIt('bad method', () => http.request({ host: '127.0.0.1', method: 'BAD METHOD' }));
}
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  throws();
  step1(() => step2(() => step3(() => step4(() => step5(() => {
    server.close(() => console.log('closed'));
  })))));
});
