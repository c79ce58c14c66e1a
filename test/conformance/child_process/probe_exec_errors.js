// exec/execFile error objects: shell "not found" (127), a signal from inside, buffer
// encoding in the message, execFile args (and shell) in cmd, a directory as the file.
const { exec, execFile } = require('child_process');
const show = (e) => e === null ? 'null' :
  [e.message, e.code, e.killed, e.signal, e.cmd].map((x) => JSON.stringify(x)).join(' ');
exec('nosuchcmd_probe a b', (err, stdout, stderr) => {
  console.log('1:', show(err), JSON.stringify(stdout), JSON.stringify(stderr));
  exec('echo before; kill -TERM $$', (err, stdout, stderr) => {
    console.log('2:', show(err), JSON.stringify(stdout), JSON.stringify(stderr));
    exec('printf "e1\\ne2" >&2; exit 3', { encoding: 'buffer' }, (err, stdout, stderr) => {
      console.log('3:', show(err), stdout, stderr);
      execFile('sh', ['-c', 'echo "x y" >&2; exit 4', 'arg0'], (err, stdout, stderr) => {
        console.log('4:', show(err), JSON.stringify(stderr));
        execFile('echo', ['$0', ';', 'exit', '5'], { shell: true }, (err, stdout) => {
          console.log('5:', show(err), JSON.stringify(stdout));
          execFile('/tmp', (err) => {
            console.log('6:', show(err), err.errno, err.syscall, err.path, err.spawnargs);
            exec('printf "\\377ok" >&2; exit 1', { encoding: 'latin1' }, (err, stdout, stderr) => {
              console.log('7:', show(err), JSON.stringify(stderr));
              exec('exit 0', { encoding: 'hex' }, (err, stdout, stderr) => {
                console.log('8:', err, JSON.stringify(stdout), JSON.stringify(stderr));
                const c = exec('sleep 10', (err, stdout, stderr) => {
                  console.log('9:', show(err), JSON.stringify(stdout));
                });
                c.on('spawn', () => console.log('9: kill', c.kill('SIGINT')));
              });
            });
          });
        });
      });
    });
  });
});
