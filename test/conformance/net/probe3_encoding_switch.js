// setEncoding() changed mid-stream: bytes held by the old decoder are dropped, strings already
// buffered while paused are kept as they are (readableLength in characters), read() joins them,
// and the last decoder's partial bytes are flushed before 'end'.
const net = require('net');
const chunks = {
  a: Buffer.from([0xe2, 0x82]), b: Buffer.from([0xac, 0x41]), c: Buffer.from('hello'),
  d: Buffer.from([0xe2, 0x82, 0xac, 0xff]), e: Buffer.from('xyz'), f: Buffer.from('ab'),
  g: Buffer.from('ok'), h: Buffer.from('abcd'),
};
const server = net.createServer((s) => {
  s.setEncoding('latin1');
  s.on('data', (d) => { for (const k of d) s.write(chunks[k]); });
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const state = (tag) => console.log(tag, 'encoding', c.readableEncoding, 'length', c.readableLength,
                                     'flowing', c.readableFlowing);
  c.on('data', (d) => console.log('data', typeof d, JSON.stringify(d)));
  c.on('end', () => { console.log('end'); server.close(); });
  const steps = [
    () => { c.setEncoding('utf8'); state('utf8'); c.write('a'); },
    () => { c.setEncoding('latin1'); state('latin1'); c.write('b'); },
    () => { c.setEncoding('hex'); c.write('c'); },
    () => { c.pause(); c.write('d'); },
    () => { state('paused'); c.setEncoding('base64'); state('base64'); c.write('e'); },
    () => {
      state('more');
      const r = c.read();
      console.log('read', typeof r, JSON.stringify(r), 'then', c.read());
      c.resume();
      c.write('f');
    },
    () => { state('f'); c.setEncoding('utf8'); c.write('g'); },
    () => { c.setEncoding('base64'); c.write('h'); },
    () => c.end(),
  ];
  const run = () => { const f = steps.shift(); if (f) { f(); setTimeout(run, 40); } };
  c.on('connect', run);
});
