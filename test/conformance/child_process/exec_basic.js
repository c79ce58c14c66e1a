// exec and execFile: output as strings, a failing command's error (code, killed, signal,
// cmd), execFile of a missing file, the 'buffer' encoding, exec's streams are decoded.
const { exec, execFile } = require('child_process');
const show = (e) => e === null ? null :
  [e.message, e.code, e.killed, e.signal, e.cmd].map((x) => JSON.stringify(x)).join(' ');
exec('echo out; echo err >&2', (err, stdout, stderr) => {
  console.log('1:', show(err), JSON.stringify(stdout), JSON.stringify(stderr));
  exec('echo out; echo oops >&2; exit 3', (err, stdout, stderr) => {
    console.log('2:', show(err), JSON.stringify(stdout), JSON.stringify(stderr));
    console.log('2: error code' + err.code);
    execFile('nosuchcmd', ['x', 'y'], (err, stdout, stderr) => {
      console.log('3:', show(err), err.errno, err.syscall, err.path, err.spawnargs);
      execFile('printf', ['%s|%s', 'a b', 'c'], { encoding: 'buffer' }, (err, stdout) => {
        console.log('4:', err, stdout, Buffer.isBuffer(stdout));
        const child = exec('printf "ab\\ncd"', { encoding: 'hex' }, (err, stdout) => {
          console.log('5:', err, stdout);
          const c6 = exec('echo streamed');
          c6.stdout.on('data', (d) => console.log('6: data', typeof d, JSON.stringify(d)));
          c6.on('close', (code) => {
            console.log('6: close', code);
            execFile('sh', ['-c', 'echo "$0 $1"', 'x', 'y'], { shell: false }, (err, out) => {
              console.log('7:', err, JSON.stringify(out));
              exec('echo $0', { shell: '/bin/bash' }, (err, out) => console.log('8:', err, JSON.stringify(out)));
            });
          });
        });
      });
    });
  });
});
