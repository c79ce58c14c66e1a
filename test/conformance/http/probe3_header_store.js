// The response header store: value types kept by setHeader/getHeader (numbers, booleans, arrays,
// empty arrays), case of the raw name after re-setting, appendHeader onto a number, the order
// after remove + set, writeHead merging into setHeader values (the array form then overwrites
// duplicates), removeHeader making writeHead take the slow path, and the bytes that go out.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  res.sendDate = false;
  const u = req.url;
  if (u === '/types') {
    res.setHeader('X-Arr', ['a', 'b']);
    res.setHeader('X-Num', 42);
    res.setHeader('X-Float', 1.5);
    res.setHeader('X-Big', 1e21);
    res.setHeader('X-Bool', true);
    res.setHeader('X-Empty', []);
    res.setHeader('X-One', ['solo']);
    res.setHeader('Cookie', ['c1=1', 'c2=2']);
    res.setHeader('Set-Cookie', ['s1', 's2']);
    res.setHeader('x-ARR', ['A', 'B', 'C']);
    console.log('types', typeof res.getHeader('x-num'), typeof res.getHeader('X-BOOL'),
                Array.isArray(res.getHeader('x-arr')), JSON.stringify(res.getHeader('x-empty')));
    res.appendHeader('X-Num', 'more');
    res.appendHeader('X-Fresh', ['f1', 'f2']);
    res.appendHeader('x-one', ['two', 'three']);
    console.log('has', res.hasHeader('X-ARR'), res.hasHeader('x-arr'), res.hasHeader('X-Missing'));
    res.removeHeader('X-Nope');
    res.removeHeader('x-num');
    res.setHeader('X-Num', 7);
    console.log('names', JSON.stringify(res.getHeaderNames()));
    console.log('raw', JSON.stringify(res.getRawHeaderNames()));
    console.log('headers', JSON.stringify(res.getHeaders()));
    res.writeHead(201, { 'x-num': 'over', 'X-New': 'n', 'x-arr': 'single' });
    console.log('after writeHead', JSON.stringify(res.getRawHeaderNames()), res.getHeader('X-Num'));
    res.end();
  } else if (u === '/array-merge') {
    res.setHeader('X-Pre', 'p');
    res.writeHead(200, ['Set-Cookie', 'a', 'Set-Cookie', 'b', 'X-Pre', 'q', 'x-dup', '1', 'X-DUP', '2']);
    console.log('array-merge', JSON.stringify(res.getHeaders()), JSON.stringify(res.getRawHeaderNames()));
    res.end('m');
  } else if (u === '/array-fast') {
    res.writeHead(200, ['X-D', '1', 'x-d', '2', 'Set-Cookie', 'a', 'set-cookie', 'b']);
    console.log('array-fast names', JSON.stringify(res.getHeaderNames()));
    res.end('f');
  } else if (u === '/removed-slow') {
    res.setHeader('X-T', 't');
    res.removeHeader('X-T');
    console.log('removed names', JSON.stringify(res.getHeaderNames()));
    res.writeHead(200, { 'X-W': 'w' });
    console.log('slow names', JSON.stringify(res.getHeaderNames()));
    res.end();
  } else if (u === '/fast') {
    res.writeHead(200, { 'X-W': 'w' });
    console.log('fast names', JSON.stringify(res.getHeaderNames()), res.hasHeader('x-w'));
    res.end();
  } else if (u === '/no-cl') {
    res.removeHeader('Content-Length');
    res.end('abc');
  } else if (u === '/no-te') {
    res.removeHeader('Transfer-Encoding');
    res.end('abc');
  } else {
    res.removeHeader('Content-Length');
    res.removeHeader('transfer-encoding');
    res.write('a');
    res.end('b');
  }
});
const urls = ['/types', '/array-merge', '/array-fast', '/removed-slow', '/fast', '/no-cl', '/no-te', '/neither'];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === urls.length) return server.close(() => console.log('closed'));
    raw(server.address().port, `GET ${urls[i++]} HTTP/1.1\r\nHost: a\r\n\r\n`, (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
