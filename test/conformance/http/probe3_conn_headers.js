// User-set connection headers and what follows: Keep-Alive (no automatic timeout line),
// removeHeader('Connection') (no line, the connection persists), 'Connection: Close' set by
// the handler (the pipelined request after it is never answered), an HTTP/1.0 request kept
// alive by the handler's 'Connection: keep-alive' with a Content-Length, HTTP/1.0 with
// "TE: chunked" (chunked response), addTrailers values (arrays, numbers, undefined) and the
// uniqueHeaders option joining arrays with "; " in headers and trailers.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer({ uniqueHeaders: ['X-Uniq'] }, (req, res) => {
  res.sendDate = false;
  const u = req.url;
  if (u === '/user-ka') {
    res.setHeader('Keep-Alive', 'timeout=9');
    res.end('1');
  } else if (u === '/no-conn') {
    res.removeHeader('Connection');
    res.end('2');
  } else if (u === '/close') {
    res.setHeader('Connection', 'Close');
    res.end('3');
  } else if (u === '/ten-ka') {
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('Content-Length', 2);
    res.end('10');
  } else if (u === '/trailers') {
    res.setHeader('X-Uniq', ['u1', 'u2']);
    res.setHeader('x-multi', ['m1', 'm2']);
    res.setHeader('Trailer', 'X-T');
    res.write('t');
    res.addTrailers({ 'X-T': ['a', 'b'], 'X-One': ['solo'], 'x-uniq': ['v1', 'v2'], 'X-N': 5, 'X-U': undefined });
    res.end();
  } else if (u === '/te') {
    res.write('chunk');
    res.end();
  } else {
    res.end('plain');
  }
});
const conns = [
  'GET /user-ka HTTP/1.1\r\nHost: a\r\n\r\nGET /no-conn HTTP/1.1\r\nHost: a\r\n\r\n' +
    'GET /close HTTP/1.1\r\nHost: a\r\n\r\nGET /never HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /ten-ka HTTP/1.0\r\n\r\nGET /ten-next HTTP/1.0\r\n\r\nGET /ten-never HTTP/1.0\r\n\r\n',
  'GET /te HTTP/1.0\r\nTE: chunked\r\n\r\n',
  'GET /trailers HTTP/1.1\r\nHost: a\r\n\r\n',
];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === conns.length) return server.close(() => console.log('closed'));
    raw(server.address().port, conns[i++], (r) => {
      console.log(show(r));
      next();
    });
  };
  next();
});
