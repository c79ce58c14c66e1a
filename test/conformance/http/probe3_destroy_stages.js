// req.destroy()/abort() at each stage of a client request (synchronously, at 'socket', at
// 'finish', at 'response', after 'end') and res.destroy() at 'response': the events, the
// errors and their order, destroyed/aborted flags and the agent's counts afterwards.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/full') return res.end('full');
  if (req.url === '/part') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('part');
  }
  req.on('close', () => res.end());
});
const agent = new http.Agent({ keepAlive: true });
function count(o) {
  let n = 0;
  for (const k of Object.keys(o)) n += o[k].length;
  return n;
}
const state = () => `busy ${count(agent.sockets)} free ${count(agent.freeSockets)} total ${agent.totalSocketCount}`;
function run(label, path, setup, next) {
  let pending = 1;
  const done = () => {
    if (--pending === 0) setImmediate(() => { console.log(label, 'after', state()); next(); });
  };
  const req = http.get({ agent, host: '127.0.0.1', port: server.address().port, path }, (res) => {
    pending++;
    console.log(label, 'response', res.statusCode);
    res.on('aborted', () => console.log(label, 'res aborted', res.aborted, res.complete));
    res.on('error', (e) => console.log(label, 'res error', e.code, e.message));
    res.on('data', (d) => console.log(label, 'res data', String(d)));
    res.on('end', () => console.log(label, 'res end'));
    res.on('close', () => {
      console.log(label, 'res close', res.destroyed, res.aborted, res.complete);
      done();
    });
    if (setup.response) setup.response(req, res);
  });
  req.on('socket', (s) => {
    console.log(label, 'socket', s.connecting);
    if (setup.socket) setup.socket(req, s);
  });
  req.on('finish', () => {
    console.log(label, 'finish');
    if (setup.finish) setup.finish(req);
  });
  req.on('abort', () => console.log(label, 'abort event'));
  req.on('error', (e) => console.log(label, 'error', e.code, e.message, req.destroyed));
  req.on('close', () => {
    console.log(label, 'close', req.destroyed, req.aborted, !!req.res);
    done();
  });
  if (setup.sync) setup.sync(req);
}
const cases = [
  ['sync-err', '/hold', { sync: (req) => { req.destroy(new Error('boom')); console.log('sync-err destroyed', req.destroyed); } }],
  ['sync-plain', '/hold', { sync: (req) => req.destroy() }],
  ['sync-abort', '/hold', { sync: (req) => { req.abort(); console.log('sync-abort aborted', req.aborted); } }],
  ['socket', '/hold', { socket: (req) => req.destroy() }],
  ['socket-err', '/hold', { socket: (req) => req.destroy(Object.assign(new Error('mine'), { code: 'EMINE' })) }],
  ['finish', '/hold', { finish: (req) => req.destroy() }],
  ['response', '/part', { response: (req) => { req.destroy(); console.log('response destroyed', req.destroyed); } }],
  ['response-abort', '/part', { response: (req) => req.abort() }],
  ['res-destroy', '/part', { response: (req, res) => { res.destroy(); console.log('res-destroy', res.destroyed, req.destroyed); } }],
  ['after-end', '/full', {
    response: (req, res) => res.on('end', () => {
      console.log('after-end before', req.destroyed, state());
      req.destroy();
      process.nextTick(() => console.log('after-end tick', state()));
    }),
  }],
];
server.listen(0, '127.0.0.1', () => {
  let i = 0;
  const next = () => {
    if (i < cases.length) run(...cases[i++], next);
    else {
      agent.destroy();
      server.close(() => console.log('closed'));
    }
  };
  next();
});
