// A response cut short by the server: a chunked body without its last chunk, a Content-Length
// body with bytes missing (both then EOF), and a body framed only by the connection close
// (complete). Client events, flags and errors in each case.
const http = require('http');
const net = require('net');
const answers = {
  '/chunked': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n',
  '/length': 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello',
  '/eof': 'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello world',
};
const server = net.createServer((s) => {
  let head = '';
  s.setEncoding('latin1');
  s.on('data', (d) => {
    head += d;
    if (head.endsWith('\r\n\r\n')) s.end(answers[head.split(' ')[1]]);
  });
});
function get(path, next) {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, path, agent: false }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('aborted', () => console.log(path, 'res aborted', res.complete));
    res.on('error', (e) => console.log(path, 'res error', e.code, e.message));
    res.on('end', () => console.log(path, 'res end', JSON.stringify(body), res.complete));
    res.on('close', () => console.log(path, 'res close', JSON.stringify(body), res.complete, res.aborted, res.destroyed));
  });
  req.on('error', (e) => console.log(path, 'req error', e.code, e.message));
  req.on('close', () => {
    console.log(path, 'req close', req.destroyed);
    setImmediate(next);
  });
}
server.listen(0, '127.0.0.1', () => {
  get('/chunked', () => get('/length', () => get('/eof', () => server.close(() => console.log('closed')))));
});
