// spawnSync's result shapes: output/stdout/stderr, status and signal, a missing command,
// timeout (ETIMEDOUT), maxBuffer (ENOBUFS), input, encoding, stdio options.
const { spawnSync } = require('child_process');
const brief = (r) => [r.status, r.signal, r.output === null ? null : r.output.length,
  r.error ? [r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.spawnargs] : undefined];
let r = spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']);
console.log('1:', brief(r), r.output[0], r.stdout, r.stderr, typeof r.pid);
r = spawnSync('nosuchcmd', ['a']);
console.log('2:', brief(r), r.pid, r.stdout, r.stderr);
r = spawnSync('sh', ['-c', 'kill -KILL $$']);
console.log('3:', brief(r));
r = spawnSync('sleep', ['5'], { timeout: 100 });
console.log('4:', brief(r));
r = spawnSync('sleep', ['5'], { timeout: 100, killSignal: 'SIGKILL' });
console.log('5:', brief(r));
// The child is still running when the limit is passed (head alone may exit first).
r = spawnSync('sh', ['-c', 'head -c 3000 /dev/zero; exec sleep 5'], { maxBuffer: 100 });
console.log('6:', brief(r), r.stdout.length);
r = spawnSync('cat', { input: 'piped in' });
console.log('7:', brief(r), r.stdout.toString());
r = spawnSync('cat', { input: Buffer.from('bytes'), encoding: 'utf8' });
console.log('8:', brief(r), JSON.stringify(r.stdout), JSON.stringify(r.stderr));
r = spawnSync('sh', ['-c', 'echo $0 $FOO; pwd'], { env: { FOO: 'bar' }, cwd: '/tmp', argv0: 'myname', encoding: 'utf8' });
console.log('9:', brief(r), JSON.stringify(r.stdout));
r = spawnSync('sh', ['-c', 'echo hidden; echo shown >&2'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
console.log('10:', brief(r), r.output, r.stdout);
r = spawnSync('echo $((6 * 7))', { shell: true, encoding: 'latin1' });
console.log('11:', brief(r), r.stdout);
try { spawnSync('true', { stdio: 'ipc' }); } catch (e) { console.log('12:', e.name, e.code, e.message); }
try { spawnSync('true', [], { stdio: ['pipe', 'ipc'] }); } catch (e) { console.log('13:', e.name, e.code, e.message); }
