// Writes with encodings, setEncoding on both sides, bytesWritten/bytesRead and readyState
// with allowHalfOpen.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.setEncoding('base64');
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => {
    console.log('server got base64', got, 'readyState', s.readyState, 'bytesRead', s.bytesRead);
    s.write('c3VwZXI=', 'base64');
    s.end('20e282ac', 'hex', () => console.log('server end cb; bytesWritten', s.bytesWritten));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  console.log('initial', c.readyState, 'bytesWritten', c.bytesWritten);
  try { c.write('x', 'bogus'); } catch (e) { console.log(e.name, e.code, e.message); }
  try { c.setEncoding('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
  c.write('cafe', 'hex');
  console.log('after hex write', c.bytesWritten);
  c.write('aGVsbG8=', 'base64');
  console.log('after base64 write', c.bytesWritten);
  c.write('\u20ac', 'latin1');
  c.write('hi\u20ac', 'utf16le');
  console.log('after latin1+utf16le', c.bytesWritten);
  c.on('connect', () => {
    console.log('connect', c.readyState);
    c.end('ff', 'hex', () => console.log('client end cb; bytesWritten', c.bytesWritten, c.readyState));
    console.log('after end()', c.readyState, 'bytesWritten', c.bytesWritten);
  });
  c.setEncoding('utf8');
  let text = '';
  c.on('data', (d) => { text += d; });
  c.on('end', () => console.log('client got', JSON.stringify(text), c.readyState, 'bytesRead', c.bytesRead));
  c.on('close', (e) => {
    console.log('client close', e, c.readyState, 'bytesRead', c.bytesRead, 'bytesWritten', c.bytesWritten);
    server.close();
  });
});
