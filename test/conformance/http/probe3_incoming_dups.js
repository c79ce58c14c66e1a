// Duplicate request headers of every kind Node's matchKnownFields knows: the drop-duplicates
// list (first value wins, even when it is empty), the ", " joined ones (also for unknown names,
// upper-case spellings and empty values), cookie "; ", set-cookie arrays; the same with
// joinDuplicateHeaders; then duplicate trailers of a chunked body (trailers, trailersDistinct,
// rawTrailers before and after 'end').
const http = require('http');
const { raw } = require('./raw_helper');
const dropped = ['Content-Type', 'User-Agent', 'Referer', 'Authorization', 'Proxy-Authorization',
  'If-Modified-Since', 'If-Unmodified-Since', 'From', 'Location', 'Max-Forwards', 'Retry-After',
  'ETag', 'Last-Modified', 'Server', 'Expires'];
const joined = ['Date', 'Vary', 'Origin', 'Expect-Ct', 'Accept', 'If-Match', 'Cache-Control',
  'If-None-Match', 'Accept-Encoding', 'Accept-Language', 'X-Forwarded-For', 'X-Forwarded-Host',
  'X-Forwarded-Proto', 'Content-Encoding', 'X-Other'];
let head = 'POST /p HTTP/1.1\r\nHost: h1\r\nHOST: h2\r\n';
for (const n of dropped) head += `${n}: 1\r\n${n.toUpperCase()}: 2\r\n`;
for (const n of joined) head += `${n}: 1\r\n${n.toLowerCase()}: 2\r\n`;
head += 'X-Empty:\r\nX-Empty: e\r\nAge:\r\nage: 2\r\n' +
  'Cookie: a=1\r\nCOOKIE: b=2\r\ncookie:\r\n' +
  'Set-Cookie: s1\r\nSET-COOKIE: s2\r\n' +
  'Transfer-Encoding: chunked\r\nConnection: keep-alive\r\nConnection: close\r\n' +
  'Trailer: X-T\r\n\r\n' +
  '3\r\nabc\r\n0\r\nX-T: t1\r\nx-t: t2\r\nSet-Cookie: ts1\r\nset-cookie: ts2\r\n' +
  'Content-Type: tc1\r\ncontent-type: tc2\r\nCookie: c1\r\ncookie: c2\r\n\r\n';
function run(options, cb) {
  const server = http.createServer(options, (req, res) => {
    console.log(JSON.stringify(options), req.method, req.url);
    console.log(' headers', JSON.stringify(req.headers));
    console.log(' distinct', JSON.stringify(req.headersDistinct));
    console.log(' raw count', req.rawHeaders.length, JSON.stringify(req.rawHeaders.slice(-12)));
    console.log(' trailers before', JSON.stringify(req.trailers), JSON.stringify(req.rawTrailers),
                'complete', req.complete);
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      console.log(' body', body, 'complete', req.complete);
      console.log(' trailers', JSON.stringify(req.trailers));
      console.log(' trailersDistinct', JSON.stringify(req.trailersDistinct));
      console.log(' rawTrailers', JSON.stringify(req.rawTrailers));
      res.end();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    raw(server.address().port, head, () => server.close(cb));
  });
}
run({}, () => run({ joinDuplicateHeaders: true }, () => console.log('done')));
