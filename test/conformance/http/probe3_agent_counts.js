// Agent bookkeeping over a request's life: sockets/freeSockets/requests/totalSocketCount when
// http.get returns, at 'socket', 'finish', 'response', res 'end', the agent's 'free', req and
// res 'close' and after; a keep-alive agent pools the socket (req.destroyed at 'end', res.socket
// detached) and the next request reuses it; a non-keep-alive agent destroys it.
const http = require('http');
const server = http.createServer((req, res) => {
  res.end('ok ' + req.headers.connection);
});
const ids = new Map();
function sid(s) {
  if (!ids.has(s)) ids.set(s, ids.size + 1);
  return ids.get(s);
}
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return `${Object.keys(o).length}:${n}`;
}
function state(agent) {
  return `busy ${count(agent.sockets)} free ${count(agent.freeSockets)} queued ${count(agent.requests)} total ${agent.totalSocketCount}`;
}
function one(agent, label, next) {
  const req = http.get({ agent, host: '127.0.0.1', port: server.address().port, path: '/' + label }, (res) => {
    console.log(label, 'response', state(agent), 'res.socket', !!res.socket);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log(label, 'end', body, state(agent), 'req.destroyed', req.destroyed,
                  'res.socket', !!res.socket, 'req.socket', !!req.socket);
      process.nextTick(() => console.log(label, 'tick after end', state(agent)));
    });
    res.on('close', () => console.log(label, 'res close', state(agent), res.destroyed));
  });
  console.log(label, 'sync', state(agent), 'shouldKeepAlive', req.shouldKeepAlive,
              'reused', req.reusedSocket, 'socket', !!req.socket);
  req.on('socket', (s) => console.log(label, 'socket', sid(s), state(agent), 'reused', req.reusedSocket));
  req.on('finish', () => console.log(label, 'finish', state(agent)));
  req.on('close', () => {
    console.log(label, 'req close', state(agent), 'destroyed', req.destroyed);
    setImmediate(() => {
      console.log(label, 'after', state(agent));
      next();
    });
  });
}
server.listen(0, '127.0.0.1', () => {
  const ka = new http.Agent({ keepAlive: true });
  ka.on('free', (s, opts) => console.log('ka free', sid(s), opts.host, state(ka), 'destroyed', s.destroyed));
  one(ka, 'k1', () => one(ka, 'k2', () => {
    ka.destroy();
    console.log('ka destroyed', state(ka));
    setImmediate(() => {
      console.log('ka after destroy', state(ka));
      const plain = new http.Agent();
      plain.on('free', (s) => console.log('plain free', sid(s), state(plain)));
      one(plain, 'p1', () => one(plain, 'p2', () => server.close(() => console.log('closed'))));
    });
  }));
});
