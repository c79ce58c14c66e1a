// IncomingMessage flags on the server (complete, aborted, readableEnded, destroyed) for a GET,
// a POST with Content-Length: 0, a body that is read, a body the handler never reads (dumped
// when the response finishes) and an empty chunked body; with the order of the request's
// 'end'/'close' and the response's 'finish'/'close' events.
const http = require('http');
const flags = (req) => `complete=${req.complete} aborted=${req.aborted} ended=${req.readableEnded} destroyed=${req.destroyed}`;
let pending = 0;
let onDone;
const done = () => { if (--pending === 0) onDone(); };
const server = http.createServer((req, res) => {
  const tag = req.method + ' ' + req.url;
  console.log(tag, 'handler', flags(req), 'cl', req.headers['content-length'], 'te', req.headers['transfer-encoding']);
  req.on('end', () => console.log(tag, 'req end', flags(req)));
  req.on('aborted', () => console.log(tag, 'req aborted'));
  req.on('close', () => { console.log(tag, 'req close', flags(req), 'res ended', res.writableEnded); done(); });
  res.on('finish', () => console.log(tag, 'res finish', flags(req)));
  res.on('close', () => { console.log(tag, 'res close', flags(req)); done(); });
  if (req.url === '/read') {
    let body = '';
    req.on('data', (d) => { body += d; console.log(tag, 'data', JSON.stringify(String(d)), flags(req)); });
    req.on('end', () => res.end('got ' + body));
  } else if (req.url === '/ignore') {
    res.end('ignored');
    console.log(tag, 'after end', flags(req));
  } else {
    setImmediate(() => {
      console.log(tag, 'immediate', flags(req));
      res.end('ok');
    });
  }
});
const cases = [
  ['GET', '/get', null, {}],
  ['POST', '/zero', '', { 'Content-Length': 0 }],
  ['POST', '/read', 'hello', { 'Content-Length': 5 }],
  ['POST', '/ignore', 'hello', { 'Content-Length': 5 }],
  ['POST', '/chunked-empty', '', { 'Transfer-Encoding': 'chunked' }],
];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i === cases.length) return server.close(() => console.log('closed'));
    const [method, path, body, headers] = cases[i++];
    pending = 3;
    onDone = next;
    const creq = http.request({ port: server.address().port, host: '127.0.0.1', method, path, headers, agent: false }, (cres) => {
      let got = '';
      cres.setEncoding('utf8');
      cres.on('data', (d) => { got += d; });
      cres.on('end', () => { console.log('client got', cres.statusCode, JSON.stringify(got)); done(); });
    });
    if (body === null) creq.end(); else creq.end(body);
  };
  next();
});
