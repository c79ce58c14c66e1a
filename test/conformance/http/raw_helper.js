// Helper of the http conformance scripts (no .cc/.out of its own): one raw connection that
// sends `data`, half-closes, and hands back what came back (Date values masked); show() quotes
// a byte string with \r \n \t and \xNN escapes.
const net = require('net');
function mask(s) {
  return s.replace(/Date: [^\r\n]*\r\n/g, 'Date: X\r\n');
}
function show(s) {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 13) r += '\\r';
    else if (c === 10) r += '\\n';
    else if (c === 9) r += '\\t';
    else if (c === 34 || c === 92) r += '\\' + s[i];
    else if (c < 0x20 || c > 0x7e) r += '\\x' + c.toString(16).padStart(2, '0');
    else r += s[i];
  }
  return r + '"';
}
function raw(port, data, cb) {
  const c = net.connect(port, '127.0.0.1', () => c.end(data));
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { out += d; });
  c.on('error', (e) => { out += '[' + e.code + ']'; });
  c.on('close', () => cb(mask(out)));
}
module.exports = { raw, mask, show };
