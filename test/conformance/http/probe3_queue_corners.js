// Queued requests (maxSockets 1): a queued request destroyed or aborted gets its error/close
// only when the freed socket reaches it (and passes it on), a response with
// `Connection: close` (socket not pooled; the next queued request gets a new socket), a
// request sent with `Connection: close`, and agent.destroy() with a request still queued.
const http = require('http');
const held = new Map();
const early = new Set();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/close')) res.setHeader('Connection', 'close');
  if (early.delete(req.url)) res.end(req.url);
  else held.set(req.url, res);
});
function rel(url) {
  const res = held.get(url);
  if (res) {
    held.delete(url);
    res.end(url);
  } else {
    early.add(url);
  }
}
const ids = new Map();
const sid = (s) => (ids.has(s) ? ids.get(s) : (ids.set(s, ids.size + 1), ids.size));
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return n;
}
const state = (a) => `busy ${count(a.sockets)} free ${count(a.freeSockets)} queued ${count(a.requests)} total ${a.totalSocketCount}`;
function get(agent, path, opts, onEnd, onClose) {
  const req = http.get({ agent, host: '127.0.0.1', port: server.address().port, path, ...opts }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log(path, 'end', body, res.headers.connection, 'socket', sid(req.socket), 'reused', req.reusedSocket, state(agent));
      if (onEnd) onEnd();
    });
  });
  req.on('socket', (s) => console.log(path, 'socket', sid(s), state(agent)));
  req.on('abort', () => console.log(path, 'abort'));
  req.on('error', (e) => console.log(path, 'error', e.code, e.message));
  req.on('close', () => {
    console.log(path, 'close', state(agent));
    if (onClose) onClose();
  });
  return req;
}
function partA(next) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  get(agent, '/a1', {}, null);
  const r2 = get(agent, '/a2', {});
  const r3 = get(agent, '/a3', {});
  get(agent, '/a4', {}, null, () => setImmediate(() => {
    console.log('A done', state(agent));
    agent.destroy();
    next();
  }));
  r2.destroy();
  r3.abort();
  console.log('destroyed queued', r2.destroyed, r3.destroyed, r3.aborted, state(agent));
  setImmediate(() => {
    console.log('before release', state(agent));
    rel('/a1');
    rel('/a4');
  });
}
function partB(next) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  get(agent, '/close1', {}, null);
  get(agent, '/b2', { headers: { Connection: 'close' } }, null);
  get(agent, '/b3', {}, null, () => setImmediate(() => {
    console.log('B done', state(agent));
    agent.destroy();
    next();
  }));
  rel('/close1');
  rel('/b2');
  rel('/b3');
}
function partC(next) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  get(agent, '/c1', {}, null);
  get(agent, '/c2', {}, null, () => setImmediate(() => {
    console.log('C done', state(agent));
    agent.destroy();
    next();
  }));
  setImmediate(() => {
    agent.destroy();
    console.log('C destroyed agent', state(agent));
    rel('/c2');
  });
}
server.listen(0, '127.0.0.1', () => {
  partA(() => partB(() => partC(() => server.close(() => console.log('closed')))));
});
