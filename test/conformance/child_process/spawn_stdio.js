// stdio forms: pipes both ways (cat), 'ignore', 'inherit', a file descriptor, a socket of
// another child (piping one child into another), extra slots, argv0, cwd, env, shell.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function step1() {
  const cat = spawn('cat');
  let out = '';
  cat.stdout.setEncoding('utf8');
  cat.stdout.on('data', (d) => out += d);
  cat.on('close', (code) => {
    console.log('1: cat echoed', JSON.stringify(out), 'code', code);
    step2();
  });
  console.log('1: stdin writable', cat.stdin.writable, 'stdout readable', cat.stdout.readable,
              'stdio', cat.stdio.length, cat.stdio[0] === cat.stdin, cat.stdio[1] === cat.stdout);
  cat.stdin.write('hello ');
  cat.stdin.end('cat\n');
}

function step2() {
  const c = spawn('sh', ['-c', 'echo visible; echo hidden >&2'], { stdio: ['ignore', 'pipe', 'ignore'] });
  console.log('2: stdin', c.stdin, 'stderr', c.stderr, 'stdio', c.stdio.map((s) => s === null ? null : 'socket'));
  c.stdout.on('data', (d) => console.log('2: stdout', JSON.stringify(d.toString())));
  c.on('close', (code) => { console.log('2: close', code); step3(); });
}

function step3() {
  const file = path.join(os.tmpdir(), `nodecc-cp-stdio-${process.pid}.txt`);
  const fd = fs.openSync(file, 'w');
  const c = spawn('sh', ['-c', 'echo to-file'], { stdio: ['ignore', fd, 'inherit'] });
  c.on('close', (code) => {
    fs.closeSync(fd);
    console.log('3: close', code, 'file has', JSON.stringify(fs.readFileSync(file, 'utf8')));
    fs.unlinkSync(file);
    step4();
  });
}

function step4() {
  const producer = spawn('printf', ['b\\na\\nc\\n']);
  const sorter = spawn('sort', [], { stdio: [producer.stdout, 'pipe', 'inherit'] });
  let out = '';
  sorter.stdout.on('data', (d) => out += d);
  sorter.on('close', (code) => {
    console.log('4: sorted', JSON.stringify(out), code);
    step5();
  });
}

function step5() {
  const c = spawn('sh', ['-c', 'echo "$0|$FOO|$PATH_SET|$(pwd)"; echo extra >&3'],
                  { argv0: 'renamed', cwd: '/tmp', env: { FOO: 'bar', PATH_SET: process.env.PATH ? 'y' : 'n' },
                    stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  let out = '', extra = '';
  c.stdout.on('data', (d) => out += d);
  c.stdio[3].on('data', (d) => extra += d);
  c.on('close', (code) => {
    console.log('5:', JSON.stringify(out), JSON.stringify(extra), code, c.stdio.length);
    step6();
  });
}

function step6() {
  const c = spawn('echo', ['$HOME', '|', 'tr', 'a-z', 'A-Z'], { shell: true });
  let out = '';
  c.stdout.on('data', (d) => out += d);
  c.on('close', (code) => {
    console.log('6:', out === process.env.HOME.toUpperCase() + '\n', code, c.spawnfile, c.spawnargs);
    step7();
  });
}

function step7() {
  const c = spawn('sh', ['-c', 'exit 0'], { stdio: 'inherit' });
  console.log('7: inherit: stdin', c.stdin, 'stdout', c.stdout, 'stdio', c.stdio);
  c.on('exit', (code) => console.log('7: exit', code));
  c.on('close', (code) => console.log('7: close', code));
}

step1();
