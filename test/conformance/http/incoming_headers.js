// IncomingMessage header objects: duplicates joined with ", " (cookie "; "), set-cookie as an
// array, single-valued fields keep the first value (or join with joinDuplicateHeaders),
// headersDistinct, rawHeaders, maxHeadersCount.
const http = require('http');
const { raw } = require('./raw_helper');
const head = 'GET /h?x=1 HTTP/1.1\r\n' +
  'Host: one\r\nhost: two\r\n' +
  'Accept: a\r\nACCEPT: b\r\n' +
  'Cookie: c1=1\r\ncookie: c2=2\r\n' +
  'Set-Cookie: s1\r\nset-cookie: s2\r\n' +
  'Content-Type: text/a\r\nContent-Type: text/b\r\n' +
  'Authorization: x\r\nAuthorization: y\r\n' +
  'X-Custom: 1\r\nx-custom: 2\r\n' +
  'Empty:\r\n' +
  'Spaces:   padded value  \r\n\r\n';
let servers = 0;
function run(options, cb) {
  const server = http.createServer(options, (req, res) => {
    console.log(JSON.stringify(options), req.method, req.url, req.httpVersion);
    console.log(' headers', JSON.stringify(req.headers));
    console.log(' distinct', JSON.stringify(req.headersDistinct));
    console.log(' raw', JSON.stringify(req.rawHeaders));
    res.end();
  });
  if (options.maxHeadersCount) server.maxHeadersCount = options.maxHeadersCount;
  servers++;
  server.listen(0, '127.0.0.1', () => {
    raw(server.address().port, head, () => server.close(cb));
  });
}
run({}, () => run({ joinDuplicateHeaders: true }, () => run({ maxHeadersCount: 3 }, () => {
  console.log('servers', servers);
})));
