'use strict';
// Datagrams per second over loopback (port: ../dgram_pps.cc): one sender and one
// receiver socket, 64-byte payloads, sent in windows of 128 — the next window goes
// when the receiver has every datagram of the last one, so none is dropped.
const dgram = require('dgram');
const total = process.argv.includes('--quick') ? 20000 : 2000000;
const window = 128;
const payload = Buffer.alloc(64, 'x');
const receiver = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');
let port = 0, sent = 0, received = 0, start = 0n, progress = 0;

function sendWindow() {
  const n = Math.min(window, total - sent);
  for (let i = 0; i < n; i++) sender.send(payload, port, '127.0.0.1');
  sent += n;
}

receiver.on('message', (msg) => {
  received++;
  if (received === total) {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`BENCHDATA name=dgram_pps unit=msg/s value=${(total / secs).toFixed(3)} better=higher`);
    clearInterval(watchdog);
    receiver.close();
    sender.close();
  } else if (received === sent) {
    sendWindow();
  }
});

// A lost datagram would stall the window: fail loudly instead of hanging.
const watchdog = setInterval(() => {
  if (received === progress) {
    console.error(`dgram_pps: stalled at ${received}/${sent} (a datagram was dropped)`);
    process.exit(1);
  }
  progress = received;
}, 2000);

receiver.bind(0, '127.0.0.1', () => {
  port = receiver.address().port;
  sender.bind(0, '127.0.0.1', () => {
    start = process.hrtime.bigint();
    sendWindow();
  });
});
