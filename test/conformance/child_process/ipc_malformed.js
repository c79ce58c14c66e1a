// A peer that writes a line that is not JSON: the parse error is an uncaught SyntaxError
// (caught here), the rest of that chunk is dropped, later lines still arrive, and the
// channel ends with 'disconnect' when the peer exits.
const { fork } = require('child_process');
const fs = require('fs');
if (process.argv[2] === 'child') {
  fs.writeSync(3, '{"x":1}\nnot json\n{"dropped":true}\n');
  setTimeout(() => fs.writeSync(3, '{"after":2}\n{"partial":'), 200);
  setTimeout(() => {}, 400);
  return;
}
process.on('uncaughtException', (e) => console.log('uncaught', e.name));
const child = fork(__filename, ['child']);
child.on('message', (m) => console.log('message', m));
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit', code, signal));
child.on('close', (code, signal) => console.log('close', code, signal));
