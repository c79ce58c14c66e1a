// A write callback that throws: the error is uncaught ('uncaughtException'), the callbacks
// after it in the same corked batch are skipped (Node's writev callback stops at the throw),
// and the connection goes on: later writes call back and the next request is answered.
const http = require('http');
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
let n = 0;
const server = http.createServer((req, res) => {
  const i = ++n;
  console.log('request', i, req.url);
  res.write('a', () => { console.log('cb a', i); throw new Error('boom ' + i); });
  res.write('b', () => console.log('cb b', i));
  setImmediate(() => {
    res.write('c', () => console.log('cb c', i));
    res.end('d', () => console.log('end', i));
  });
});
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path, next) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('client', path, 'reused', req.reusedSocket, JSON.stringify(body));
        setImmediate(next);
      });
    });
  };
  get('/1', () => get('/2', () => {
    agent.destroy();
    server.close(() => console.log('closed'));
  }));
});
