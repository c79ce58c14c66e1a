// test-net-server-pause-on-connect: pauseOnConnect delays reading until resume().
const net = require('net');
const msg = 'test';
let stopped = true;
let server1Conn = false;
const server1 = net.createServer({ pauseOnConnect: true }, (socket) => {
  console.log('server1 connection; readableFlowing', socket.readableFlowing);
  socket.on('data', (data) => {
    if (stopped) throw new Error('data before resume');
    console.log('server1 data', data.toString());
    socket.end();
    server1.close();
  });
  setTimeout(() => {
    console.log('resuming server1 socket');
    stopped = false;
    socket.resume();
  }, 50);
});
const server2 = net.createServer({ pauseOnConnect: false }, (socket) => {
  console.log('server2 connection; readableFlowing', socket.readableFlowing);
  socket.on('data', (data) => {
    console.log('server2 data', data.toString(), 'server1 still paused', stopped);
    socket.end();
    server2.close();
  });
});
server1.listen(0, '127.0.0.1', () => {
  net.createConnection({ port: server1.address().port, host: '127.0.0.1' }).write(msg);
});
server2.listen(0, '127.0.0.1', () => {
  net.createConnection({ port: server2.address().port, host: '127.0.0.1' }).write(msg);
});
