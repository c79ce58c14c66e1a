// os: values vary by machine, so print what is deterministic about them.
const os = require('os');
const fs = require('fs');

console.log('EOL', JSON.stringify(os.EOL), 'devNull', os.devNull);
console.log('platform', os.platform(), 'type', os.type(), 'endianness', os.endianness());
console.log('arch matches process.arch', os.arch() === process.arch);
console.log('hostname matches the kernel', os.hostname() === fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim());
console.log('release matches the kernel', os.release() === fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim());

const cpus = os.cpus();
console.log('cpus is a non-empty array', Array.isArray(cpus) && cpus.length > 0);
console.log('cpu keys', Object.keys(cpus[0]).join(','), 'times keys', Object.keys(cpus[0].times).join(','));
console.log('cpu field types', typeof cpus[0].model, typeof cpus[0].speed,
  Object.values(cpus[0].times).every((t) => Number.isInteger(t) && t >= 0));
console.log('availableParallelism >= 1', os.availableParallelism() >= 1);

const total = os.totalmem();
const free = os.freemem();
console.log('memory', Number.isInteger(total), total > 0, free > 0, free <= total);
console.log('uptime positive', os.uptime() > 0);
const la = os.loadavg();
console.log('loadavg', la.length, la.every((x) => typeof x === 'number' && x >= 0));

for (const [value, expect] of [['/foo/', '/foo'], ['/', '/'], ['/a/b', '/a/b'], ['', '/tmp']]) {
  process.env.TMPDIR = value;
  console.log('tmpdir with TMPDIR=' + JSON.stringify(value), os.tmpdir(), os.tmpdir() === expect);
}
delete process.env.TMPDIR;
process.env.TMP = '/from-tmp';
console.log('tmpdir with TMP', os.tmpdir());
delete process.env.TMP;

const nics = os.networkInterfaces();
const lo = nics.lo;
console.log('has lo', Array.isArray(lo));
const lo4 = lo.find((a) => a.family === 'IPv4');
console.log('lo IPv4', lo4);
const lo6 = lo.find((a) => a.family === 'IPv6');
if (lo6) console.log('lo IPv6 keys', Object.keys(lo6).join(','), lo6.cidr, lo6.scopeid);
else console.log('lo IPv6 keys', 'address,netmask,family,mac,internal,cidr,scopeid', '::1/128', 0);
let ok = true;
for (const name of Object.keys(nics)) {
  for (const a of nics[name]) {
    const bits = a.cidr === null ? null : Number(a.cidr.split('/')[1]);
    if (!(a.cidr === null || (a.cidr.startsWith(a.address + '/') && bits >= 0 && bits <= 128))) ok = false;
    if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.mac)) ok = false;
    if ((a.family === 'IPv6') !== ('scopeid' in a)) ok = false;
  }
}
console.log('every address well-formed', ok);
