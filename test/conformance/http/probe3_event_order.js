// Client event order: POST with body ('socket','finish','response', res 'end', req/res
// 'close'), a response that arrives before the request body ends, a chunked response with
// trailers, and raw servers that close without answering, cut a Content-Length body short,
// or send a body delimited by the connection's end.
const http = require('http');
const net = require('net');
const agent = new http.Agent({ keepAlive: true });
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return n;
}
const state = () => `busy ${count(agent.sockets)} free ${count(agent.freeSockets)} total ${agent.totalSocketCount}`;
const server = http.createServer((req, res) => {
  if (req.url === '/early') {
    req.resume();
    res.end('early');
    return;
  }
  if (req.url === '/trailers') {
    res.writeHead(200, { Trailer: 'X-T' });
    res.write('a');
    res.write('b');
    res.addTrailers({ 'X-T': 'v', 'x-u': ['1', '2'] });
    res.end();
    return;
  }
  let n = 0;
  req.on('data', (d) => { n += d.length; });
  req.on('end', () => res.end('got ' + n));
});
function watch(label, port, opts, onReq, next) {
  let pending = 1;
  const done = () => {
    if (--pending === 0) setImmediate(() => { console.log(label, 'after', state()); next(); });
  };
  const req = http.request({ agent, host: '127.0.0.1', port, ...opts }, (res) => {
    pending++;
    console.log(label, 'response', res.statusCode, JSON.stringify(res.trailers), req.writableFinished);
    res.setEncoding('utf8');
    res.on('data', (d) => console.log(label, 'data', d));
    res.on('aborted', () => console.log(label, 'res aborted'));
    res.on('error', (e) => console.log(label, 'res error', e.code, e.message));
    res.on('end', () => console.log(label, 'res end', res.complete, JSON.stringify(res.trailers),
                                    JSON.stringify(res.rawTrailers)));
    res.on('close', () => { console.log(label, 'res close', res.complete); done(); });
  });
  req.on('socket', () => console.log(label, 'socket'));
  req.on('prefinish', () => console.log(label, 'prefinish'));
  req.on('finish', () => console.log(label, 'finish'));
  req.on('error', (e) => console.log(label, 'error', e.code, e.message));
  req.on('close', () => { console.log(label, 'close'); done(); });
  onReq(req);
}
function rawServer(answer, cb) {
  const srv = net.createServer((s) => s.once('data', () => answer(s)));
  srv.listen(0, '127.0.0.1', () => cb(srv));
}
function rawCase(label, answer, next) {
  rawServer(answer, (srv) => {
    watch(label, srv.address().port, {}, (req) => req.end(), () => srv.close(next));
  });
}
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  watch('post', port, { method: 'POST', path: '/post' }, (req) => {
    req.write('12345');
    req.end('678');
  }, () => watch('early', port, { method: 'POST', path: '/early' }, (req) => {
    req.write('first');
    req.on('response', () => setImmediate(() => req.end('last')));
  }, () => watch('trailers', port, { path: '/trailers' }, (req) => req.end(), () => {
    rawCase('noanswer', (s) => s.end(), () =>
      rawCase('short', (s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd'), () =>
        rawCase('untilclose', (s) => s.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it'), () => {
          agent.destroy();
          server.close(() => console.log('closed'));
        })));
  })));
});
