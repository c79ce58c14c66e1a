// Agent queueing: maxSockets 2 without keepAlive (requests still say keep-alive, queued
// requests take the freed socket in order, not marked reused, the last socket is destroyed),
// free-socket scheduling lifo vs fifo, and maxTotalSockets across two origins (a closed socket
// of one origin makes a socket for the other origin's queued request).
const http = require('http');
const held = new Map();
const early = new Set();
const seen = [];
function handler(tag) {
  return (req, res) => {
    seen.push(`${tag}${req.url} ${req.headers.connection}`);
    if (early.delete(req.url)) res.end(req.url);
    else held.set(req.url, res);
  };
}
function rel(url) {
  const res = held.get(url);
  if (res) {
    held.delete(url);
    res.end(url);
  } else {
    early.add(url);
  }
}
const srvA = http.createServer(handler('A'));
const srvB = http.createServer(handler('B'));
const ids = new Map();
const sid = (s) => (ids.has(s) ? ids.get(s) : (ids.set(s, ids.size + 1), ids.size));
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return `${Object.keys(o).length}:${n}`;
}
const state = (a) => `busy ${count(a.sockets)} free ${count(a.freeSockets)} queued ${count(a.requests)} total ${a.totalSocketCount}`;
function get(agent, srv, path, onEnd, onClose) {
  const req = http.get({ agent, host: '127.0.0.1', port: srv.address().port, path }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log(path, 'end', body, 'socket', sid(req.socket), 'reused', req.reusedSocket, state(agent));
      if (onEnd) onEnd();
    });
  });
  req.on('close', () => {
    console.log(path, 'close', state(agent));
    if (onClose) onClose();
  });
  console.log(path, 'queued?', state(agent));
  return req;
}
function partA(next) {
  const agent = new http.Agent({ maxSockets: 2 });
  let closes = 0;
  const done = () => {
    if (++closes === 4) setImmediate(() => { console.log('A done', state(agent)); next(); });
  };
  get(agent, srvA, '/a1', () => rel('/a2'), done);
  get(agent, srvA, '/a2', () => rel('/a3'), done);
  get(agent, srvA, '/a3', () => rel('/a4'), done);
  get(agent, srvA, '/a4', null, done);
  rel('/a1');
}
function partB(scheduling, next) {
  const agent = new http.Agent({ keepAlive: true, scheduling });
  get(agent, srvA, `/${scheduling}1`, () => setImmediate(() => rel(`/${scheduling}2`)));
  get(agent, srvA, `/${scheduling}2`, null, () => setImmediate(() => {
    console.log(scheduling, 'pool', agent.freeSockets[Object.keys(agent.freeSockets)[0]].map(sid).join(','));
    rel(`/${scheduling}3`);
    get(agent, srvA, `/${scheduling}3`, null, () => setImmediate(() => {
      agent.destroy();
      next();
    }));
  }));
  rel(`/${scheduling}1`);
}
function partC(next) {
  const agent = new http.Agent({ maxTotalSockets: 2 });
  let closes = 0;
  const done = () => {
    if (++closes === 3) setImmediate(() => { console.log('C done', state(agent)); next(); });
  };
  get(agent, srvA, '/c1', () => rel('/c2'), done);
  get(agent, srvA, '/c2', () => rel('/c3'), done);
  get(agent, srvB, '/c3', null, done);
  rel('/c1');
}
srvA.listen(0, '127.0.0.1', () => srvB.listen(0, '127.0.0.1', () => {
  partA(() => partB('lifo', () => partB('fifo', () => partC(() => {
    console.log('server saw', seen.sort().join(' | '));
    srvA.close(() => srvB.close(() => console.log('closed')));
  }))));
}));
