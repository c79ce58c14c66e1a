// resume() with no 'data' listener: the data is read and dropped, 'end' and 'close' follow;
// a 'data' listener added later sees only what comes after it; removing it does not pause.
const { Readable } = require('stream');
let n = 0;
const r = new Readable({
  read() {
    n++;
    if (n <= 4) setImmediate(() => r.push('x' + n));
    else r.push(null);
  },
});
r.resume();
console.log('flowing', r.readableFlowing, 'paused', r.isPaused());
r.on('resume', () => console.log('resume event'));
const onData = (d) => {
  console.log('data', d.toString());
  r.removeListener('data', onData);
  console.log('removed, flowing', r.readableFlowing);
};
setImmediate(() => setImmediate(() => r.on('data', onData)));
r.on('end', () => console.log('end, didRead', r.readableDidRead));
r.on('close', () => console.log('close'));
