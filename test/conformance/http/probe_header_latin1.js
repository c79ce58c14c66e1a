// Non-ASCII header values. Node checks them per UTF-16 unit (U+00E9 passes, U+20AC is
// ERR_INVALID_CHAR), writes the head as latin1 unless it goes out in one write with a utf8
// string chunk, and reads received header bytes back as latin1.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
const tryIt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.message);
  }
};
tryIt('value e-acute', () => http.validateHeaderValue('X', 'caf\u00e9'));
tryIt('value euro', () => http.validateHeaderValue('X', '\u20ac'));
const server = http.createServer((req, res) => {
  console.log('S', req.url, JSON.stringify(req.headers['x-in']), JSON.stringify(req.rawHeaders[1]));
  tryIt('setHeader euro', () => res.setHeader('X-Euro', '5 \u20ac'));
  res.setHeader('X-Out', 'caf\u00e9');
  if (req.url === '/text') res.end('body');
  else if (req.url === '/buffer') res.end(Buffer.from('body'));
  else res.end();
});
const paths = ['/empty', '/text', '/buffer'];
function rawGet(i) {
  if (i === paths.length) return client();
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end(Buffer.from(`GET ${paths[i]} HTTP/1.1\r\nHost: a\r\nX-In: caf\u00e9\r\n\r\n`, 'latin1'));
  });
  let out = Buffer.alloc(0);
  c.on('data', (d) => { out = Buffer.concat([out, d]); });
  c.on('close', () => {
    console.log(show(mask(out.toString('latin1'))));
    rawGet(i + 1);
  });
}
function client() {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/text',
             headers: { 'X-In': 'caf\u00e9' } }, (res) => {
    console.log('C', JSON.stringify(res.headers['x-out']));
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
}
server.listen(0, '127.0.0.1', () => rawGet(0));
