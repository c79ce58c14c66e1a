// Client odds and ends: maxFreeSockets 1 (extra freed sockets destroyed), a get without a
// response listener (body dumped, socket still freed), end(cb) vs 'finish', write after end,
// the writable flags at each stage, res.setTimeout on a client response, and res.destroy()
// after 'end' (the pooled socket survives).
const http = require('http');
const held = [];
const server = http.createServer((req, res) => {
  if (req.url === '/h') {
    if (held.push(res) === 3) held.shift().end('h');
    return;
  }
  if (req.url === '/slowbody') {
    res.write('first');
    return held.push(res);
  }
  res.end('body of ' + req.url);
});
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return n;
}
const state = (a) => `busy ${count(a.sockets)} free ${count(a.freeSockets)} total ${a.totalSocketCount}`;
const flags = (r) => `ended ${r.writableEnded} finished ${r.writableFinished} fin ${r.finished} len ${r.writableLength} sent ${r.headersSent}`;
let port;
function partA(next) {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 1 });
  let n = 0;
  agent.on('free', () => {
    console.log('A free', state(agent));
    if (++n === 3) setImmediate(() => { console.log('A done', state(agent)); agent.destroy(); next(); });
    else setImmediate(() => held.shift().end('h'));
  });
  for (let i = 0; i < 3; i++) http.get({ agent, host: '127.0.0.1', port, path: '/h' });
}
function partB(next) {
  const agent = new http.Agent({ keepAlive: true });
  const req = http.request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/b' }, (res) => {
    console.log('B response', flags(req));
    res.resume();
    res.on('end', () => {
      console.log('B end', flags(req));
      res.destroy();
      console.log('B res destroyed', res.destroyed, state(agent));
    });
    res.on('close', () => setImmediate(() => {
      console.log('B after', state(agent), 'pooled destroyed', agent.freeSockets[Object.keys(agent.freeSockets)[0]][0].destroyed);
      agent.destroy();
      next();
    }));
  });
  console.log('B start', flags(req));
  req.write('abc', () => console.log('B write cb', flags(req)));
  console.log('B after write', flags(req));
  req.end('def', () => console.log('B end cb', flags(req)));
  console.log('B after end', flags(req));
  req.on('socket', () => console.log('B socket', flags(req)));
  req.on('finish', () => console.log('B finish', flags(req)));
  req.write('late', (err) => console.log('B late write cb', err.code, err.message));
  req.on('error', (e) => console.log('B error', e.code, e.message));
  try {
    req.setHeader('X-Late', '1');
  } catch (e) {
    console.log('B setHeader after end', e.code);
  }
}
function partC(next) {
  const agent = new http.Agent({ keepAlive: true });
  const req = http.get({ agent, host: '127.0.0.1', port, path: '/slowbody' }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('C data', d));
    res.setTimeout(50, () => {
      console.log('C res timeout cb');
      held.pop().end('last');
    });
    res.on('timeout', () => console.log('C res timeout event'));
    res.on('end', () => console.log('C end'));
    res.on('close', () => setImmediate(() => {
      console.log('C after', state(agent));
      agent.destroy();
      next();
    }));
  });
  req.on('timeout', () => console.log('C req timeout'));
}
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  partA(() => partB(() => partC(() => server.close(() => console.log('closed')))));
});
