// Server state corners: address()/listening before, during and after listen; listen() twice
// (synchronously with and without a host lookup); close() before 'listening' and before the
// host lookup finished; 'listening' listeners order.
const net = require('net');
const steps = [];
function next() { const f = steps.shift(); if (f) f(); }

steps.push(() => {
  const s = net.createServer();
  console.log('A new: address', s.address(), 'listening', s.listening);
  s.listen(0);
  console.log('A after listen(0): listening', s.listening, 'family', s.address().family);
  try { s.listen(0); } catch (e) { console.log('A listen again:', e.name, e.code, e.message); }
  s.on('listening', () => console.log('A listening event'));
  s.close((err) => {
    console.log('A close cb', err, 'address', s.address(), 'listening', s.listening);
    next();
  });
  console.log('A after close(): listening', s.listening, 'address', s.address());
});

steps.push(() => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => console.log('B first listen cb'));
  console.log('B listening while looking up', s.listening, 'address', s.address());
  try {
    s.listen(0, '127.0.0.1', () => console.log('B second listen cb', s.address().family));
    console.log('B second listen() did not throw');
  } catch (e) { console.log('B listen again:', e.code); }
  s.on('listening', () => {
    console.log('B listening event; listeners left', s.listenerCount('listening'));
    setTimeout(() => s.close(() => { console.log('B closed'); next(); }), 20);
  });
});

steps.push(() => {
  const s = net.createServer();
  s.on('listening', () => console.log('C listening (unexpected)'));
  s.listen(0, '127.0.0.1', () => console.log('C listen cb (unexpected)'));
  s.close((err) => {
    console.log('C close cb', err && err.code, err && err.message);
    setTimeout(() => {
      console.log('C later: listening', s.listening, 'address', s.address());
      next();
    }, 50);
  });
  s.on('close', () => console.log('C close event'));
});

steps.push(() => {
  const s = net.createServer();
  s.on('listening', () => console.log('D listening event (listener added before the first listen)'));
  s.on('close', () => console.log('D close event'));
  s.listen({ port: 0, host: 'localhost' }, () => console.log('D first listen cb (still registered)'));
  s.close();
  s.listen(0, '127.0.0.1', () => {
    console.log('D relisten cb', s.address().address);
    s.close(() => { console.log('D done'); next(); });
  });
});
next();
