// validateHeaderName/validateHeaderValue and setHeader/writeHead argument errors.
const http = require('http');
const tryIt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
tryIt('name ok', () => http.validateHeaderName('X-Foo'));
tryIt('name space', () => http.validateHeaderName('X Foo'));
tryIt('name empty', () => http.validateHeaderName(''));
tryIt('name colon', () => http.validateHeaderName('X:Foo'));
tryIt('name utf8', () => http.validateHeaderName('X-Föö'));
tryIt('value ok', () => http.validateHeaderValue('X-Foo', 'a b\tc'));
tryIt('value CR', () => http.validateHeaderValue('X-Foo', 'a\rb'));
tryIt('value LF', () => http.validateHeaderValue('X-Foo', 'a\nb'));
tryIt('value NUL', () => http.validateHeaderValue('X-Foo', 'a\0b'));
tryIt('value undefined', () => http.validateHeaderValue('X-Foo', undefined));
tryIt('value high', () => http.validateHeaderValue('X-Foo', '\u00ff'));
const server = http.createServer((req, res) => {
  tryIt('setHeader CRLF', () => res.setHeader('X-Inject', 'a\r\nSet-Cookie: evil=1'));
  tryIt('setHeader bad name', () => res.setHeader('Bad Name', 'v'));
  tryIt('setHeader array with LF', () => res.setHeader('X-Arr', ['ok', 'b\nad']));
  tryIt('setHeader number', () => res.setHeader('X-Num', 42));
  tryIt('appendHeader', () => res.appendHeader('X-Num', 'more'));
  tryIt('writeHead 99', () => res.writeHead(99));
  tryIt('writeHead 1000', () => res.writeHead(1000));
  tryIt('statusMessage CRLF', () => res.writeHead(200, 'OK\r\nX: y'));
  console.log('statusMessage kept', JSON.stringify(res.statusMessage));
  res.statusMessage = undefined;
  tryIt('addTrailers bad', () => res.addTrailers({ 'X-T': 'a\rb' }));
  tryIt('addTrailers bad name', () => res.addTrailers({ 'X T': 'v' }));
  res.end('ok');
  tryIt('setHeader after end', () => res.setHeader('X-Late', '1'));
  tryIt('removeHeader after end', () => res.removeHeader('X-Num'));
  tryIt('writeHead after end', () => res.writeHead(200));
  console.log('headersSent', res.headersSent, 'writableEnded', res.writableEnded);
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    console.log('client', res.statusCode, res.headers['x-num'], res.headers['x-inject']);
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
});
