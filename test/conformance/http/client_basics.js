// http.get/http.request against our own server: URL strings and options, the request line
// and default headers the client sends, the response object, the event order.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server got', req.method, req.url,
              JSON.stringify(req.headers).replace(String(server.address().port), 'PORT'));
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.writeHead(201, 'Made', { 'X-Reply': 'yes' });
  res.end(req.method === 'HEAD' ? undefined : 'body of ' + req.url);
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const events = [];
  const req = http.get(`http://127.0.0.1:${port}/path?q=1`, (res) => {
    console.log('response', res.statusCode, res.statusMessage, res.httpVersion,
                JSON.stringify(res.headers['set-cookie']), res.headers['x-reply']);
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('data', d));
    res.on('end', () => {
      events.push('res end');
      const r2 = http.request({ host: '127.0.0.1', port, method: 'head', path: '/h',
                                headers: { 'X-Mine': 'x' }, auth: 'user:pass' });
      r2.on('response', (res2) => {
        console.log('head response', res2.statusCode, res2.headers['content-length'],
                    res2.headers['transfer-encoding']);
        res2.resume();
        res2.on('end', () => server.close(() => console.log('closed', events.join(','))));
      });
      r2.end();
    });
  });
  req.on('socket', () => events.push('socket'));
  req.on('finish', () => events.push('finish'));
  req.on('close', () => events.push('req close'));
  console.log('request', req.method, req.path, req.host, req.protocol,
              req.getHeader('host').replace(String(port), 'PORT'),
              req.headersSent, req.writableEnded);
});
