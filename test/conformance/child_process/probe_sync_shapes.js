// Synchronous variants: execFileSync timeout and execSync maxBuffer errors (all their
// properties), a failing execSync's message with inherited stderr, non-pipe stdio slots
// in the result, input on an ignored stdin, numeric killSignal, hex input/output.
const { execSync, execFileSync, spawnSync } = require('child_process');
const sys = (e) => [e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, e.status, e.signal];
try { execFileSync('sleep', ['5'], { timeout: 50 }); } catch (e) {
  console.log('1:', sys(e), e.stdout, e.stderr, e.output, typeof e.pid);
}
try { execSync('printf 12345678; sleep 5', { maxBuffer: 4, encoding: 'utf8' }); } catch (e) {
  console.log('2:', sys(e), JSON.stringify(e.stdout), e.output);
}
try { execSync('echo E >&2; exit 1'); } catch (e) {
  console.log('3:', JSON.stringify(e.message), e.status, e.signal, e.stderr, e.output);
}
try { execFileSync('sh', ['-c', 'printf e >&2; exit 2'], { stdio: ['pipe', 'pipe', 'ignore'] }); } catch (e) {
  console.log('4:', JSON.stringify(e.message), e.status, e.stderr, e.output);
}
let r = spawnSync('true', { stdio: 'inherit' });
console.log('5:', r.status, r.signal, r.output, r.stdout, r.stderr, r.error);
r = spawnSync('sh', ['-c', 'printf err >&2'], { stdio: ['pipe', 'inherit', 'pipe'], encoding: 'utf8' });
console.log('6:', r.status, r.output, r.stdout, r.stderr);
r = spawnSync('cat', { input: 'dropped', stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
console.log('7:', r.status, JSON.stringify(r.stdout), r.error);
r = spawnSync('sleep', ['5'], { timeout: 50, killSignal: 9 });
console.log('8:', r.status, r.signal, r.error.code, r.error.message, r.output);
console.log('9:', execFileSync('cat', { input: 'hi', encoding: 'hex' }));
console.log('10:', execSync('echo warn >&2; echo ok', { stdio: 'pipe', encoding: 'utf8' }));
r = spawnSync('sh', ['-c', 'printf abcdefgh >&2; exec sleep 5'], { maxBuffer: 3 });
console.log('11:', r.status, r.signal, r.error && [r.error.code, r.error.message], r.stderr);
