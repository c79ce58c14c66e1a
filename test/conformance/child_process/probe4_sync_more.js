// Synchronous corners: execFileSync's message uses argv0, an execSync failure without stderr
// output, stderr forwarded to our stderr only when stdio is not given, a timeout the child
// survives by trapping (status and ETIMEDOUT together), input encodings, env pairs in
// order, extra stdio slots, exit status above 255.
const { spawnSync, execSync, execFileSync } = require('child_process');
const brief = (e) => [e.name, JSON.stringify(e.message), e.code, e.status, e.signal].join(' ');
try { execFileSync('sh', ['-c', 'exit 2', 'a b'], { argv0: 'myname' }); } catch (e) {
  console.log('1:', brief(e), e.stdout, e.stderr);
}
try { execSync('exit 3'); } catch (e) { console.log('2:', brief(e), e.stderr, e.output); }
try { execSync('exit 4', { stdio: 'inherit' }); } catch (e) { console.log('3:', brief(e), e.stdout, e.stderr, e.output); }
try { execSync('echo "TypeError: forwarded" >&2; exit 5'); } catch (e) { console.log('4:', brief(e)); }
try { execSync('echo "TypeError: not forwarded" >&2; exit 6', { stdio: 'pipe' }); } catch (e) { console.log('5:', brief(e)); }
console.log('6:', execFileSync('sh', ['-c', 'echo "RangeError: ok-forwarded" >&2; echo fine'], { encoding: 'utf8' }));
let r = spawnSync('sh', ['-c', 'trap "exit 9" TERM; while :; do sleep 0.02; done'], { timeout: 100 });
console.log('7:', r.status, r.signal, r.error && [r.error.code, r.error.message, r.error.syscall, r.error.errno]);
try {
  execSync('trap "exit 9" TERM; while :; do sleep 0.02; done', { timeout: 100, encoding: 'utf8' });
} catch (e) {
  console.log('8:', brief(e), e.syscall, e.path, e.spawnargs, JSON.stringify(e.stdout));
}
r = spawnSync('cat', { input: 'aGVsbG8=', encoding: 'base64' });
console.log('9:', r.stdout, r.stderr);
r = spawnSync('cat', { input: Buffer.from('hello') });
console.log('10:', r.stdout);
r = spawnSync('cat', { input: 'héllo', encoding: 'latin1' });
console.log('11:', JSON.stringify(r.stdout), Buffer.from(r.stdout, 'latin1'));
r = spawnSync('/usr/bin/env', { env: { Z: '1', A: '', 'K=V': 'x', M: 'multi\nline' }, encoding: 'utf8' });
console.log('12:', JSON.stringify(r.stdout));
r = spawnSync('sh', ['-c', 'echo three >&3; echo four >&4; echo one'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'ignore'], encoding: 'utf8' });
console.log('13:', r.status, r.output);
r = spawnSync('sh', ['-c', 'exit 300']);
console.log('14:', r.status, r.signal);
console.log('15:', execFileSync('sh', ['-c', 'printf "%s|" "$@"', 'zero', 'a b', '', 'c'], { encoding: 'utf8' }));
try { execFileSync('sh', ['-c', 'echo out; exit 1'], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }); } catch (e) {
  console.log('16:', brief(e), JSON.stringify(e.stdout), e.stderr, e.output);
}
