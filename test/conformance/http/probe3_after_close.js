// Calls on a ClientRequest after destroy()/close: write (ERR_STREAM_DESTROYED or
// ERR_STREAM_WRITE_AFTER_END to the callback, no 'error'), end(cb) twice before and after
// 'finish' (ERR_STREAM_ALREADY_FINISHED), setHeader after end, and abort() after 'close'
// (the 'abort' event still comes, on the next tick).
const http = require('http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
});
const agent = new http.Agent({ keepAlive: true });
const cbLog = (label) => (err) => console.log(label, err ? err.code : 'no error', err ? err.message : '');
function watch(label, req) {
  req.on('error', (e) => console.log(label, 'error', e.code, e.message));
  req.on('abort', () => console.log(label, 'abort event', req.aborted));
  req.on('finish', () => console.log(label, 'finish'));
  req.on('close', () => console.log(label, 'close'));
}
let port;
function step1(next) {
  const r = http.request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/1' });
  watch('1', r);
  r.destroy();
  console.log('1 write returned', r.write('x', cbLog('1 write cb')));
  r.end('y', cbLog('1 end cb (never)'));
  console.log('1 finished', r.finished, r.writableEnded, r.headersSent);
  try {
    r.setHeader('X-A', '1');
    console.log('1 setHeader ok');
  } catch (e) {
    console.log('1 setHeader', e.code);
  }
  r.on('close', () => {
    r.abort();
    console.log('1 aborted after close', r.aborted);
    r.destroy();
    setImmediate(next);
  });
}
function step2(next) {
  const r = http.request({ agent, host: '127.0.0.1', port, path: '/2' }, (res) => {
    res.resume();
  });
  watch('2', r);
  r.on('finish', () => console.log('2 finish (registered first)'));
  r.end(cbLog('2 end cb1'));
  r.end(cbLog('2 end cb2'));
  r.end('chunk', cbLog('2 end with chunk after end'));
  r.on('close', () => {
    console.log('2 close', r.destroyed, r.writableFinished);
    r.end(cbLog('2 end after close'));
    console.log('2 write returned', r.write('late', cbLog('2 write after close')));
    r.abort();
    console.log('2 aborted', r.aborted);
    setImmediate(() => setImmediate(next));
  });
}
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  step1(() => step2(() => {
    agent.destroy();
    server.close(() => console.log('closed'));
  }));
});
