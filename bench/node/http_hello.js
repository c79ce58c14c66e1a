// bench/node/http_hello.js — twin of bench/http_hello.cc.
const http = require('http');
const i = process.argv.indexOf('--port');
const port = i > 0 ? +process.argv[i + 1] : 8080;
const server = http.createServer((req, res) => {
  res.end('hello world');
});
server.listen(port, '127.0.0.1');
