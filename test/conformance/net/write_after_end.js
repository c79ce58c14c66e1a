// write() after end(): ERR_STREAM_WRITE_AFTER_END to the callback and as 'error'.
const net = require('net');
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('last');
    const ret = c.write('more', (err) => console.log('write cb:', err.code, err.message));
    console.log('write returned', ret);
  });
  c.on('error', (err) => console.log('error event:', err.name, err.code, err.message));
  c.on('close', (hadError) => { console.log('close', hadError); server.close(); });
});
