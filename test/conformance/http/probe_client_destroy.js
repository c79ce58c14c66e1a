// A client that destroys its request: mid-response (the response gets 'aborted' and an
// ECONNRESET "aborted" error; on the server the response closes unfinished and a later
// write fails), and before it has a socket (the request gets "socket hang up").
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.write('part1');
  req.on('close', () => console.log('S req close', req.complete, req.aborted));
  res.on('close', () => {
    console.log('S res close', res.writableEnded, res.writableFinished, res.destroyed);
    const ret = res.write('late', (err) => {
      console.log('S write callback', err && err.code, err && err.message);
      second();
    });
    console.log('S late write returned', ret);
  });
});
function second() {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, path: '/never' });
  req.on('socket', () => console.log('C2 socket'));
  req.on('error', (e) => console.log('C2 error', e.code, e.message));
  req.on('close', () => {
    console.log('C2 close', req.destroyed, req.aborted);
    server.close(() => console.log('closed'));
  });
  req.destroy();
  console.log('C2 destroyed', req.destroyed);
}
server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, path: '/mid' }, (res) => {
    res.on('data', (d) => {
      console.log('C data', String(d), 'complete', res.complete);
      req.destroy();
      console.log('C destroyed', req.destroyed, res.destroyed, req.aborted);
    });
    res.on('aborted', () => console.log('C res aborted', res.aborted, res.complete));
    res.on('error', (e) => console.log('C res error', e.code, e.message));
    res.on('end', () => console.log('C res end (unexpected)'));
    res.on('close', () => console.log('C res close', res.destroyed));
  });
  req.on('error', (e) => console.log('C req error (unexpected)', e.code));
  req.on('close', () => console.log('C req close', req.destroyed));
});
