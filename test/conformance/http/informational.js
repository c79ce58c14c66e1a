// 1xx responses: writeProcessing and writeEarlyHints reach the client as 'information'
// events before the final 'response'; flushHeaders sends the head before the body.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeProcessing();
  res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style', 'x-hint': 'h' });
  res.setHeader('X-Final', 'yes');
  res.flushHeaders();
  console.log('server flushed, headersSent', res.headersSent);
  setTimeout(() => res.end('final body'), 20);
});
server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port });
  req.on('information', (info) => {
    console.log('information', info.statusCode, info.statusMessage, info.httpVersion,
                JSON.stringify(info.headers), JSON.stringify(info.rawHeaders));
  });
  req.on('response', (res) => {
    console.log('response', res.statusCode, res.headers['x-final']);
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('body', body);
      server.close(() => console.log('closed'));
    });
  });
});
