// execFile maxBuffer with an encoding: Node counts bytes (Buffer.byteLength of the decoded
// chunk) but cuts the decoded string by that many characters. Also stderr, 'buffer',
// an unknown encoding (Buffers), maxBuffer 0 and Infinity, exactly maxBuffer bytes.
const { execFile, exec } = require('child_process');
const show = (e) => e === null ? 'null' : [e.name, e.code, e.message, e.killed, e.signal, e.cmd].join('|');
const cases = [
  ['utf8 multibyte', 'printf "\\303\\251\\303\\251\\303\\251\\303\\251\\303\\251"; exec sleep 5', { maxBuffer: 4 }],
  ['hex', 'printf abcdefgh; exec sleep 5', { maxBuffer: 4, encoding: 'hex' }],
  ['base64', 'printf abcdefgh; exec sleep 5', { maxBuffer: 5, encoding: 'base64' }],
  ['latin1', 'printf "\\303\\251\\303\\251\\303\\251"; exec sleep 5', { maxBuffer: 4, encoding: 'latin1' }],
  ['utf16le', 'printf "a\\000b\\000c\\000d\\000"; exec sleep 5', { maxBuffer: 5, encoding: 'utf16le' }],
  ['stderr utf8', 'printf "\\303\\251\\303\\251\\303\\251" >&2; exec sleep 5', { maxBuffer: 3 }],
  ['stderr hex', 'printf abcdef >&2; exec sleep 5', { maxBuffer: 2, encoding: 'hex' }],
  ['buffer', 'printf "\\303\\251\\303\\251\\303\\251"; exec sleep 5', { maxBuffer: 3, encoding: 'buffer' }],
  ['unknown enc', 'printf abc; exit 0', { encoding: 'bogus' }],
  ['exactly', 'printf abcd', { maxBuffer: 4 }],
  ['zero', 'printf a; exec sleep 5', { maxBuffer: 0 }],
  ['zero empty', 'true', { maxBuffer: 0 }],
  ['infinity', 'head -c 1200000 /dev/zero', { maxBuffer: Infinity, encoding: 'buffer' }],
];
let i = 0;
function step() {
  if (i === cases.length) return done();
  const [label, script, opts] = cases[i++];
  execFile('sh', ['-c', script], opts, (err, stdout, stderr) => {
    const fmt = (x) => Buffer.isBuffer(x) ? (x.length > 16 ? `Buffer(${x.length})` : x) : JSON.stringify(x);
    console.log(label, ':', show(err), fmt(stdout), fmt(stderr));
    step();
  });
}
function done() {
  // exec with a shell and maxBuffer: the command line in err.cmd, killed true.
  const c = exec('printf 12345678; exec sleep 5', { maxBuffer: 3 }, (err, stdout) => {
    console.log('exec:', show(err), JSON.stringify(stdout), c.killed, c.signalCode, c.exitCode);
  });
}
step();
