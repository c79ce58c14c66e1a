// test-net-pingpong: a client and a server exchange PING/PONG N times.
const net = require('net');
const N = 100;
let sentPongs = 0, receivedPings = 0;
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.setNoDelay();
  socket.timeout = 0;
  socket.setEncoding('utf8');
  socket.on('data', (data) => {
    for (const line of data.split('\n').filter(Boolean)) {
      if (line !== 'PING') throw new Error('bad ' + line);
      receivedPings++;
      socket.write('PONG\n');
      sentPongs++;
    }
  });
  socket.on('end', () => { console.log('server: end, readyState', socket.readyState); socket.end(); });
  socket.on('close', (hadError) => console.log('server: close', hadError));
});
server.listen(0, '127.0.0.1', () => {
  let count = 0;
  const client = net.createConnection(server.address().port, '127.0.0.1');
  client.setEncoding('ascii');
  client.on('connect', () => { console.log('client: connect'); client.write('PING\n'); });
  let buffered = '';
  client.on('data', (data) => {
    buffered += data;
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (line !== 'PONG') throw new Error('bad ' + line);
      count++;
      if (count < N) client.write('PING\n');
      else { console.log('client: got', count, 'pongs; readyState', client.readyState); client.end(); }
    }
  });
  client.on('end', () => console.log('client: end'));
  client.on('close', (hadError) => {
    console.log('client: close', hadError, 'pings', receivedPings, 'pongs', sentPongs);
    server.close(() => console.log('server: closed'));
  });
});
