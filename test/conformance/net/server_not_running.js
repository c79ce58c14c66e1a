// close() on a server that is not listening: the callback gets ERR_SERVER_NOT_RUNNING.
const net = require('net');
const s = net.createServer();
s.on('close', () => console.log('close event'));
s.close((err) => console.log('callback', err.name, err.code, err.message));
const t = net.createServer();
t.listen(0, '127.0.0.1', () => {
  try { t.listen(0); } catch (e) { console.log(e.code, e.message); }
  t.close((err) => console.log('second server closed, err', err));
});
