// write() after end(): ERR_STREAM_WRITE_AFTER_END to the callback and as 'error' (next tick);
// end() again with a callback waits for 'finish'.
const http = require('http');
const server = http.createServer((req, res) => {
  res.on('error', (e) => console.log('res error', e.code, e.message));
  res.on('finish', () => console.log('finish'));
  res.end('first', () => console.log('end callback'));
  const ret = res.write('late', (err) => console.log('write callback', err && err.code));
  console.log('write returned', ret, 'writableEnded', res.writableEnded);
  res.end(() => console.log('second end callback'));
  res.end('again', (err) => console.log('end with data callback', err && err.code));
  console.log('sync done');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('client body', JSON.stringify(body));
      server.close(() => console.log('closed'));
    });
  });
});
