// maxBuffer (the child is killed, RangeError ERR_CHILD_PROCESS_STDIO_MAXBUFFER, the
// output is cut at maxBuffer) and timeout (killed with killSignal).
const { exec, execFile } = require('child_process');
exec('head -c 2000000 /dev/zero', (err, stdout, stderr) => {
  console.log('1:', err.name, err.code, err.message, err.cmd, stdout.length, stderr.length);
  execFile('sh', ['-c', 'printf 0123456789; sleep 5'], { maxBuffer: 4 }, (err, stdout) => {
    console.log('2:', err.code, JSON.stringify(stdout));
    const started = Date.now();
    const child = exec('sleep 5', { timeout: 100 }, (err, stdout, stderr) => {
      console.log('3:', err.message.split('\n')[0], err.code, err.killed, err.signal, err.cmd,
                  JSON.stringify(stdout), Date.now() - started < 4000);
      console.log('3: child', child.killed, child.signalCode, child.exitCode);
      exec('sleep 5', { timeout: 100, killSignal: 'SIGKILL' }, (err) => {
        console.log('4:', err.code, err.killed, err.signal);
        execFile('sh', ['-c', 'head -c 100 /dev/zero >&2'], { maxBuffer: 10, encoding: 'buffer' },
                 (err, stdout, stderr) => {
          console.log('5:', err.code, err.message, stdout, stderr.length);
          try { exec('true', { timeout: -5 }); } catch (e) { console.log('6:', e.name, e.code, e.message); }
          try { exec('true', { maxBuffer: -1 }); } catch (e) { console.log('7:', e.name, e.code, e.message); }
          try { exec('true', { killSignal: 'SIGNOPE' }); } catch (e) { console.log('8:', e.name, e.code, e.message); }
        });
      });
    });
  });
});
