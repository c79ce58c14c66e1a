// Invalid ports throw ERR_SOCKET_BAD_PORT with Node's messages.
const net = require('net');
for (const p of [65536, -1, 1.5, 100000]) {
  try { net.createServer().listen(p); } catch (e) { console.log('listen', p, e.name, e.code, e.message); }
  try { net.connect(p, '127.0.0.1'); } catch (e) { console.log('connect', p, e.name, e.code, e.message); }
}
try { net.connect({ host: '127.0.0.1' }); } catch (e) { console.log(e.name, e.code, e.message); }
