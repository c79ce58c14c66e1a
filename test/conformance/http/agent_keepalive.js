// A keep-alive Agent with maxSockets 1: requests queue, reuse the one socket, and the free
// socket goes back to the pool; agent.destroy() closes it.
const http = require('http');
const server = http.createServer((req, res) => {
  res.end('r' + req.url);
});
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const port = server.address().port;
  const name = agent.getName({ host: '127.0.0.1', port });
  console.log('name has the port', name === `127.0.0.1:${port}:`);
  let done = 0;
  const sockets = new Set();
  for (let i = 1; i <= 3; i++) {
    const req = http.get({ agent, host: '127.0.0.1', port, path: '/' + i }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log(i, res.statusCode, body, 'reusedSocket', req.reusedSocket,
                    'keep-alive header', res.headers['keep-alive']);
        if (++done === 3) {
          setImmediate(() => {
            console.log('distinct sockets', sockets.size, 'total', agent.totalSocketCount,
                        'free', Object.keys(agent.freeSockets).length,
                        'busy', Object.keys(agent.sockets).length,
                        'queued', Object.keys(agent.requests).length);
            agent.destroy();
            server.close(() => console.log('closed'));
          });
        }
      });
    });
    req.on('socket', (s) => sockets.add(s));
    if (i === 1) {
      console.log('queued after first', Object.keys(agent.requests).length,
                  'busy', agent.sockets[name] ? agent.sockets[name].length : 0);
    }
  }
  console.log('queued', agent.requests[name].length);
});
