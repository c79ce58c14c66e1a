// cork()/uncork() and empty writes while connecting (one _writev held until 'connect'),
// writableCorked counting, bytesWritten over the pending writev, and end() uncorking.
const net = require('net');
const server = net.createServer((s) => {
  let got = '';
  s.setEncoding('latin1');
  s.on('data', (d) => { got += d; });
  s.on('end', () => s.end(JSON.stringify(got)));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const info = (tag) => console.log(tag, 'corked', c.writableCorked, 'length', c.writableLength,
                                    'bytesWritten', c.bytesWritten, 'needDrain', c.writableNeedDrain);
  c.cork();
  c.cork();
  c.write('a', () => console.log('cb a'));
  c.write('', () => console.log('cb empty string'));
  c.write(Buffer.alloc(0), () => console.log('cb empty buffer'));
  c.write('ff00', 'hex', () => console.log('cb hex'));
  c.write('\u00e9', 'latin1', () => console.log('cb latin1'));
  info('corked twice');
  c.uncork();
  info('uncorked once');
  c.uncork();
  info('uncorked twice');
  c.uncork();
  info('uncorked thrice');
  c.write('z', () => console.log('cb z (buffered behind the writev)'));
  info('after z');
  c.on('connect', () => {
    info('connect');
    process.nextTick(() => info('tick after connect'));
    setTimeout(() => {
      c.cork();
      c.write('1', () => console.log('cb 1'));
      c.write('2', () => console.log('cb 2'));
      info('corked after connect');
      c.end('3', () => console.log('cb end'));
      info('after end');
    }, 20);
  });
  c.setEncoding('latin1');
  c.on('data', (d) => console.log('echo', d));
  c.on('finish', () => info('finish'));
  c.on('close', () => { info('close'); server.close(); });
});
