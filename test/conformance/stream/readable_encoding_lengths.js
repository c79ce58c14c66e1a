// With setEncoding, lengths count UTF-16 code units as JS strings do: readableLength,
// read(n), and the highWaterMark that push() compares against.
const { Readable } = require('stream');
const r = new Readable({ read() {}, highWaterMark: 6 });
r.setEncoding('utf8');
console.log('push', r.push('héllo'), 'length', r.readableLength);
console.log('push', r.push('€😀'), 'length', r.readableLength);
console.log('read(2)', JSON.stringify(r.read(2)), 'length', r.readableLength);
console.log('read(4)', JSON.stringify(r.read(4)), 'length', r.readableLength);
console.log('read(2)', JSON.stringify(r.read(2)), 'length', r.readableLength);
console.log('read(9)', r.read(9), 'length', r.readableLength);
r.push(Buffer.from([0xf0, 0x9f]));
console.log('half an emoji: length', r.readableLength);
r.push(Buffer.from([0x98, 0x80, 0x21]));
console.log('whole: length', r.readableLength);
r.push(null);
console.log('read()', JSON.stringify(r.read()), 'length', r.readableLength);
r.on('end', () => console.log('end'));
