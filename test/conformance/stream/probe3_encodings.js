// Defaults: readableHighWaterMark/writableHighWaterMark of Readable, Writable, Duplex and
// PassThrough (and per-side options), readableEncoding before/after setEncoding (names are
// normalized); setDefaultEncoding (case-insensitive, errors carry the lowercased name),
// write() with an unknown encoding and with 'buffer' for a string; push() of a string in the
// stream's own encoding is stored as is, bypassing the decoder's partial character.
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const show = (e) => `${e.name} ${e.code} ${e.message}`;
const r = new Readable({ read() {} });
const w = new Writable({ write(c, e, cb) { console.log('w _write', c.toString('hex')); cb(); } });
const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
const p = new PassThrough();
const d2 = new Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7, read() {} });
console.log('Readable', r.readableHighWaterMark, 'Writable', w.writableHighWaterMark);
console.log('Duplex', d.readableHighWaterMark, d.writableHighWaterMark,
  'PassThrough', p.readableHighWaterMark, p.writableHighWaterMark);
console.log('Duplex per side', d2.readableHighWaterMark, d2.writableHighWaterMark);
console.log('encoding', r.readableEncoding, d.readableEncoding);
for (const enc of ['UTF-8', 'hex', 'binary', 'ucs2', 'Base64']) {
  const x = new Readable({ read() {} });
  x.setEncoding(enc);
  console.log('setEncoding', enc, '->', x.readableEncoding);
}
const y = new Readable({ read() {}, encoding: 'latin1' });
console.log('option latin1', y.readableEncoding);
try { new Readable({ read() {} }).setEncoding('bogus'); } catch (e) { console.log('setEncoding bogus', show(e)); }
console.log('setDefaultEncoding HEX returns this', w.setDefaultEncoding('HEX') === w);
w.write('abcd');
w.write('xy', 'latin1');
w.setDefaultEncoding('base64');
w.write('AAE=');
try { w.setDefaultEncoding('BOGUS'); } catch (e) { console.log('setDefaultEncoding BOGUS', show(e)); }
try { w.write('x', 'nope'); } catch (e) { console.log('write nope', show(e)); }
try { w.write('x', 'buffer'); } catch (e) { console.log('write buffer', show(e)); }
try { new Writable({ defaultEncoding: 'nah' }); } catch (e) { console.log('ctor nah', show(e)); }
const h = new Writable({ defaultEncoding: 'hex', write(c, e, cb) { console.log('h _write', c.toString()); cb(); } });
h.write('6869');
h.end('21');
const u = new Readable({ read() {} });
u.setEncoding('utf8');
u.push(Buffer.from([0xe2]));
console.log('push string while a char is pending', u.push('x'), 'length', u.readableLength);
u.push(Buffer.from([0x82, 0xac]));
console.log('utf8 read', JSON.stringify(u.read()));
const b = new Readable({ read() {} });
b.setEncoding('base64');
b.push(Buffer.from('a'));
b.push('QkM=', 'base64');
b.push(null);
console.log('base64 read', JSON.stringify(b.read()));
