// Node's test-timers-zero-timeout: zero timeouts keep their extra arguments.
let ncalled = 0;
setTimeout(f, 0, 'foo', 'bar', 'baz');
setTimeout(() => {}, 0);
function f(a, b, c) {
  console.log('timeout args', a, b, c);
  ncalled++;
}

let icalled = 0;
const iv = setInterval(g, 0, 'foo', 'bar', 'baz');
function g(a, b, c) {
  console.log('interval args', a, b, c);
  if (++icalled === 3) clearTimeout(iv);
}
process.on('exit', () => console.log('calls', ncalled, icalled));
