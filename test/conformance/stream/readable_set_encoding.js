// setEncoding(): 'data' carries strings, and a decoder holds back partial characters and
// partial groups across chunk boundaries (utf8 split multi-byte char, hex, base64), with
// what is left flushed at end; readableEncoding, and setEncoding on already buffered data.
const { Readable } = require('stream');
function run(name, enc, chunks, next) {
  const r = new Readable({ read() {} });
  console.log(name, 'encoding before', r.readableEncoding);
  r.setEncoding(enc);
  console.log(name, 'encoding after', r.readableEncoding);
  r.on('data', (d) => console.log(name, 'data', typeof d, '[' + d + ']', Buffer.byteLength(d)));
  r.on('end', () => { console.log(name, 'end'); next(); });
  let i = 0;
  const step = () => {
    if (i < chunks.length) {
      console.log(name, 'push', chunks[i].length, 'bytes ->', r.push(chunks[i]),
        'length', r.readableLength);
      i++;
      setImmediate(step);
    } else {
      r.push(null);
    }
  };
  setImmediate(step);
}
const b = (a) => Buffer.from(a);
run('utf8', 'utf8', [b([0x61, 0xe2, 0x82]), b([0xac]), b([0xf0, 0x9f]), b([0x98, 0x80, 0x7a])],
  () => run('hex', 'hex', [b([0xde, 0xad]), b([0xbe]), b([0xef])],
    () => run('base64', 'base64', [b('ab'), b('cde'), b('f'), b('gh')],
      () => run('utf8-tail', 'utf-8', [b([0x41, 0xe2, 0x82])], () => {
        const r = new Readable({ read() {} });
        r.push(Buffer.from([0x68, 0xc3]));
        r.push(Buffer.from([0xa9, 0x21]));
        console.log('buffered length', r.readableLength);
        r.setEncoding('latin1');
        console.log('latin1 encoding', r.readableEncoding, 'length', r.readableLength);
        const s = r.read();
        console.log('latin1 read', '[' + s + ']', 'length', r.readableLength);
      }))));
