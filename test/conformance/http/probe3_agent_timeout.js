// Agent `timeout`: the socket's timeout at 'socket' and once pooled (the server's Keep-Alive
// hint minus 1 s when smaller or when the agent has none; a hint of 1 s means the socket is
// not kept), an idle pooled socket destroyed by its timeout, a request 'timeout' from the
// agent's timeout, and options.timeout overriding it.
const http = require('http');
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return n;
}
const state = (a) => `busy ${count(a.sockets)} free ${count(a.freeSockets)} total ${a.totalSocketCount}`;
const handler = (req, res) => {
  if (req.url === '/slow') req.on('close', () => res.end());
  else res.end('ok');
};
const s1 = http.createServer(handler);
const s2 = http.createServer({ keepAliveTimeout: 1000 }, handler);
function get(agent, srv, path, opts, onRes) {
  const req = http.get({ agent, host: '127.0.0.1', port: srv.address().port, path, ...opts }, (res) => {
    console.log(path, 'response', res.headers['keep-alive']);
    res.resume();
    if (onRes) onRes(res);
  });
  req.on('socket', (s) => console.log(path, 'socket timeout', s.timeout));
  req.on('timeout', () => {
    console.log(path, 'req timeout', state(agent));
    req.destroy();
  });
  req.on('error', (e) => console.log(path, 'error', e.code, e.message));
  return req;
}
function partA(next) {
  const agent = new http.Agent({ keepAlive: true, timeout: 150 });
  agent.on('free', (s) => {
    console.log('A free, socket timeout', s.timeout, state(agent));
    s.once('timeout', () => console.log('A pooled socket timeout'));
    s.once('close', () => {
      console.log('A pooled socket closed', state(agent));
      get(agent, s1, '/slow', {}).on('close', () => {
        console.log('A slow closed', state(agent));
        get(agent, s1, '/slow', { timeout: 60 }).on('close', () => {
          setImmediate(() => {
            console.log('A done', state(agent));
            next();
          });
        });
      });
    });
  });
  get(agent, s1, '/fast', {});
}
function partB(next) {
  const agent = new http.Agent({ keepAlive: true });
  const frees = [];
  agent.on('free', (s) => {
    console.log('B free, socket timeout', s.timeout, state(agent));
    frees.push(s);
    process.nextTick(() => console.log('B after free', state(agent), 'destroyed', s.destroyed));
  });
  get(agent, s1, '/b1', {}, (res) => res.on('end', () => setImmediate(() => {
    get(agent, s2, '/b2', {}, (res2) => res2.on('end', () => setImmediate(() => {
      setImmediate(() => {
        console.log('B done', state(agent));
        agent.destroy();
        next();
      });
    })));
  })));
}
s1.listen(0, '127.0.0.1', () => s2.listen(0, '127.0.0.1', () => {
  partA(() => partB(() => {
    s1.close(() => s2.close(() => console.log('closed')));
  }));
}));
