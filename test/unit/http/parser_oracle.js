// What Node 20's http server parser makes of raw request bytes, for test/unit/http.
//   node parser_oracle.js <inputs.json> <out.json>
// inputs.json: an array of byte strings (each char one byte). For each input one connection
// sends the bytes and half-closes; every parsed message (method, url, version, rawHeaders,
// rawTrailers, body) and the parse error (code:reason:bytesParsed) are recorded. The server
// never answers (so no response-side rule interferes) and does not require Host.
'use strict';
const http = require('http');
const net = require('net');
const fs = require('fs');
const inputs = JSON.parse(fs.readFileSync(process.argv[2], 'latin1'));
let current = null;
const record = (req) => {
  const m = { m: req.method, u: req.url, v: req.httpVersion, h: req.rawHeaders, t: [], b: '' };
  current.msgs.push(m);
  req.on('data', (d) => { m.b += d.toString('latin1'); });
  req.on('end', () => { m.t = req.rawTrailers; });
  return m;
};
const server = http.createServer({ requireHostHeader: false }, (req) => record(req));
server.on('checkContinue', (req) => record(req));
server.on('checkExpectation', (req) => record(req));
server.on('upgrade', (req, socket) => { record(req); socket.destroy(); });
server.on('connect', (req, socket) => { record(req); socket.destroy(); });
server.on('clientError', (err, socket) => {
  current.err = `${err.code}:${err.reason}:${err.bytesParsed}`;
  socket.destroy();
});
server.listen(0, '127.0.0.1', () => {
  const out = [];
  let i = 0;
  const next = () => {
    if (i === inputs.length) {
      fs.writeFileSync(process.argv[3], JSON.stringify(out));
      server.close();
      return;
    }
    const input = inputs[i++];
    current = { input, msgs: [], err: null };
    out.push(current);
    const c = net.connect(server.address().port, '127.0.0.1', () => c.end(Buffer.from(input, 'latin1')));
    c.on('data', () => {});
    c.on('error', () => {});
    c.on('close', () => setImmediate(next));
  };
  next();
});
