// server.close() while a keep-alive request is in flight: listening turns false at once, the
// idle connection is destroyed, the busy one still gets its full response (Connection:
// keep-alive), then stays open until closeIdleConnections(); res.socket is null in 'finish'
// and 'close'; req.socket === res.socket while the response is pending.
const http = require('http');
const net = require('net');
const { mask, show } = require('./raw_helper');
let slowRes;
const server = http.createServer((req, res) => {
  console.log('request', req.url, 'same socket', req.socket === res.socket);
  if (req.url === '/quick') return res.end('q');
  slowRes = res;
  res.on('finish', () => console.log('res finish, socket null', res.socket === null,
                                     'req.socket kept', !!req.socket));
  res.on('close', () => console.log('res close, socket null', res.socket === null));
  console.log('listening before close', server.listening);
  server.close((err) => {
    console.log('server closed', err === undefined);
    console.log('listening after closed', server.listening, 'address', server.address());
  });
  console.log('listening after close()', server.listening, 'address', server.address());
});
console.log('listening before listen', server.listening, 'address', server.address());
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  console.log('listening', server.listening, a.address, a.family, typeof a.port);
  const port = a.port;
  const idle = net.connect(port, '127.0.0.1', () => idle.write('GET /quick HTTP/1.1\r\nHost: a\r\n\r\n'));
  let idleGot = '';
  let busy;
  idle.setEncoding('latin1');
  idle.on('data', (d) => {
    idleGot += d;
    if (!idleGot.endsWith('\r\n\r\nq')) return;
    busy = net.connect(port, '127.0.0.1', () => busy.write('GET /slow HTTP/1.1\r\nHost: a\r\n\r\n'));
    let got = '';
    busy.setEncoding('latin1');
    busy.on('data', (d) => {
      got += d;
      if (got.endsWith('slow-done')) {
        console.log('busy got', show(mask(got)));
        setTimeout(() => {
          console.log('busy still open', !busy.destroyed);
          server.closeIdleConnections();
        }, 50);
      }
    });
    busy.on('end', () => console.log('busy end'));
    busy.on('close', () => console.log('busy close'));
  });
  idle.on('close', () => {
    console.log('idle close', show(mask(idleGot).slice(0, 15)));
    console.log('writing response');
    slowRes.end('slow-done');
  });
});
