// Node's test-next-tick-ordering2: a tick queued by a tick runs before a timer queued by it.
const order = [];
process.nextTick(() => {
  setTimeout(() => order.push('setTimeout'), 0);
  process.nextTick(() => order.push('nextTick'));
});
process.on('exit', () => console.log(order.join(',')));
