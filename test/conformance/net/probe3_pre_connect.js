// Writes, end(data, cb) and pause() before 'connect': write callbacks against the 'connect' /
// 'ready' listeners, bytesWritten / writableLength / bufferSize while connecting, then resume.
const net = require('net');
const server = net.createServer((s) => {
  let got = '';
  s.setEncoding('utf8');
  s.on('data', (d) => { got += d; });
  s.on('end', () => s.end('got:' + got));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => console.log('connect cb (first listener)'));
  console.log('state', c.readyState, c.pending, c.connecting, 'bufferSize', c.bufferSize);
  const r1 = c.write('aa', () => console.log('write aa cb; bytesWritten', c.bytesWritten));
  const r2 = c.write(Buffer.from('bbb'), (err) => console.log('write bbb cb', err));
  console.log('returns', r1, r2, 'bytesWritten', c.bytesWritten, 'writableLength', c.writableLength,
              'bufferSize', c.bufferSize);
  c.on('connect', () => console.log('connect listener 2; writableLength', c.writableLength,
                                    'bytesWritten', c.bytesWritten, c.readyState));
  c.on('ready', () => console.log('ready; writableLength', c.writableLength));
  c.end('cccc', () => console.log('end cb', c.readyState, c.writableFinished));
  console.log('after end', c.readyState, c.writableEnded, 'bytesWritten', c.bytesWritten,
              'writableLength', c.writableLength);
  c.pause();
  console.log('paused', c.isPaused(), c.readableFlowing);
  c.on('data', (d) => console.log('data', d.toString(), 'flowing', c.readableFlowing));
  c.on('finish', () => {
    console.log('finish', c.readyState, 'bytesWritten', c.bytesWritten);
    setTimeout(() => {
      console.log('before resume: readableLength > 0', c.readableLength > 0, c.readyState);
      c.resume();
      console.log('after resume', c.isPaused(), c.readableFlowing);
    }, 50);
  });
  c.on('end', () => console.log('end', c.readyState, c.readable, c.writable));
  c.on('close', (e) => {
    console.log('close', e, c.readyState, 'bytesRead', c.bytesRead, 'bytesWritten', c.bytesWritten);
    server.close(() => console.log('server closed'));
  });
});
