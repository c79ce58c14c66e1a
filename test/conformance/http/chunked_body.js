// Chunked bodies both ways: a request body sent by http.request with write() (no
// Content-Length), and a response written in pieces; trailers on both.
const http = require('http');
const { raw, show } = require('./raw_helper');
const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, req.headers['transfer-encoding']);
  const chunks = [];
  req.on('data', (d) => chunks.push(d.toString()));
  req.on('end', () => {
    console.log('server body', JSON.stringify(chunks.join('')), 'trailers', JSON.stringify(req.trailers));
    res.setHeader('Trailer', 'X-Sum');
    res.write('one,');
    res.write(Buffer.from('two,'));
    res.addTrailers({ 'X-Sum': String(chunks.join('').length) });
    res.end('three');
  });
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/up' }, (res) => {
    console.log('client:', res.statusCode, res.headers['transfer-encoding'], res.headers.trailer);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('client body', JSON.stringify(body), 'trailers', JSON.stringify(res.trailers),
                  JSON.stringify(res.rawTrailers));
      raw(port, 'POST /raw HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
          '4\r\nWiki\r\n5;ext="x"\r\npedia\r\n0\r\nX-T: 1\r\nX-T: 2\r\n\r\n', (r) => {
        console.log('raw', show(r));
        server.close(() => console.log('closed'));
      });
    });
  });
  req.write('hello ');
  req.write(Buffer.from('chunked '));
  req.end('world');
});
