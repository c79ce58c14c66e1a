// Node's test-timers-refresh: refresh() restarts a timer (moves it behind the timers
// created after it) and returns the timer; it works for unref'd timers and intervals.
const log = [];
{
  let called = false;
  const timer = setTimeout(() => { called = true; log.push('unref timer'); }, 1);
  timer.unref();
  setTimeout(() => log.push('check 1: unref timer not yet called ' + !called), 1);
  console.log('refresh returns the timer', timer.refresh() === timer);
}
{
  let called = false;
  const timer = setTimeout(() => { called = true; log.push('regular timer'); }, 1);
  setTimeout(() => log.push('check 2: regular timer not yet called ' + !called), 1);
  console.log('refresh returns the timer', timer.refresh() === timer);
}
{
  let called = 0;
  const timer = setInterval(() => {
    called += 1;
    log.push('interval ' + called);
    if (called === 2) clearInterval(timer);
  }, 1);
  setTimeout(() => log.push('check 3: interval calls so far ' + called), 1);
  console.log('refresh returns the timer', timer.refresh() === timer);
}
{
  // Refreshing a timer that already fired re-arms it.
  let n = 0;
  const t = setTimeout(() => {
    n++;
    log.push('re-armed timer run ' + n);
    if (n === 1) t.refresh();
  }, 50);
}
process.on('exit', () => console.log(log.join('\n')));
