// Node's test-timers-setimmediate-infinite-loop: an immediate that clears the following
// immediates does not get the queue stuck.
const ran = [];
setImmediate(() => {
  ran.push(1);
  clearImmediate(i2);
  clearImmediate(i3);
});
const i2 = setImmediate(() => ran.push(2));
const i3 = setImmediate(() => ran.push(3));
setImmediate(() => ran.push(4));
process.on('exit', () => console.log('ran', ran.join(',')));
