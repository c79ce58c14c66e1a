// ServerResponse state through flushHeaders, write, end, end again (no chunk, '' and a chunk),
// write after end and end after 'finish': headersSent / writableEnded / writableFinished at
// each step, header methods after the flush, and the order of callbacks and events. Then a
// HEAD request whose handler writes a body.
const http = require('http');
const { raw, show } = require('./raw_helper');
const st = (res) => `sent=${res.headersSent} ended=${res.writableEnded} finished=${res.writableFinished}`;
const tryIt = (label, fn) => {
  try { fn(); console.log(label, 'ok'); } catch (e) { console.log(label, e.code, e.message); }
};
let resClosed;
const server = http.createServer((req, res) => {
  res.sendDate = false;
  res.on('prefinish', () => console.log('prefinish', st(res)));
  res.on('finish', () => {
    console.log('finish', st(res));
    res.end((err) => console.log('end after finish cb', err && err.code, err && err.message));
  });
  res.on('close', () => { console.log('close', st(res)); resClosed(); });
  res.on('error', (e) => console.log('error event', e.code));
  console.log(req.method, req.url, st(res));
  if (req.method === 'HEAD') {
    res.setHeader('X-H', 'h');
    const ret = res.write('abc', (e) => console.log('head write cb', e ? e.code : 'none'));
    console.log('head write returned', ret, st(res));
    res.end('def', () => console.log('head end cb'));
    console.log('head after end', st(res));
    return;
  }
  res.setHeader('X-A', 'a');
  res.flushHeaders();
  console.log('after flushHeaders', st(res));
  tryIt('setHeader', () => res.setHeader('X-B', 'b'));
  tryIt('appendHeader', () => res.appendHeader('X-A', 'b'));
  tryIt('removeHeader', () => res.removeHeader('X-A'));
  tryIt('writeHead', () => res.writeHead(201));
  console.log('getHeader still', res.getHeader('x-a'), res.hasHeader('X-A'));
  res.flushHeaders();
  console.log('write returned', res.write('abc', (e) => console.log('write cb', e ? e.code : 'none')));
  const r = res.end(() => console.log('end cb 1'));
  console.log('end returned res', r === res, st(res));
  res.end((e) => console.log('end cb 2 (no chunk)', e && e.code));
  res.end('', (e) => console.log('end cb 3 (empty string)', e && e.code));
  res.end('late', (e) => console.log('end cb 4', e && e.code));
  console.log('late write returned', res.write('x', (e) => console.log('late write cb', e && e.code)));
  console.log('sync done', st(res));
});
const requests = ['GET /flush HTTP/1.1\r\nHost: a\r\n\r\n', 'HEAD /head HTTP/1.1\r\nHost: a\r\n\r\n'];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === requests.length) return server.close(() => console.log('closed'));
    let wire = null;
    let closed = false;
    const both = () => { if (wire !== null && closed) { console.log(show(wire)); next(); } };
    resClosed = () => { closed = true; both(); };
    raw(server.address().port, requests[i++], (r) => { wire = r; both(); });
  };
  next();
});
