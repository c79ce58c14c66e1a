// destroy() twice emits one 'close'; destroy(err) after destroy() emits no error.
const net = require('net');
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.destroy();
    console.log('destroyed', c.destroyed);
    c.destroy();
    c.destroy(new Error('late'));
    console.log('still destroyed', c.destroyed, 'errored', c.errored);
  });
  let closes = 0;
  c.on('error', (e) => console.log('unexpected error', e.message));
  c.on('close', (hadError) => {
    closes++;
    console.log('close', hadError, 'count', closes);
    setImmediate(() => { console.log('closes total', closes); server.close(); });
  });
});
