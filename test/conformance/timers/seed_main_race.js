// Seed: setTimeout(0) vs setImmediate from the main module. Their order depends on how
// long the loop takes to start (is 1 ms already over when timers are checked?), so the
// test only asserts that both ran: it prints them sorted.
const ran = [];
setImmediate(() => ran.push('setImmediate'));
setTimeout(() => ran.push('setTimeout'), 0);
process.on('exit', () => console.log(ran.slice().sort().join(' ')));
