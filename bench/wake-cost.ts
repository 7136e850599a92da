/**
 * `node dist/bench/wake-cost.js [--rate 1000] [--count 5000]` — what one loopback TCP round trip
 * between two processes costs in CPU on this machine, paced at `--rate` (each side sleeps between
 * messages, so every message wakes it) and back to back (each side finds the next message waiting
 * or about to be). Every hop of a message through Hookline (load generator → API, API → database,
 * worker → receiver, thread → thread) is such a hand-off: where waking a sleeping process costs
 * much more than passing to a busy one (a VM whose wake-ups cross the hypervisor), a message costs
 * more CPU at a low rate than at a high one, and a second process, which halves each one's rate,
 * raises the cost of every message. Prints only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';

const MESSAGE_BYTES = 200;

/** The echo side: answers every byte it reads, and tells its CPU time when asked. */
function serveEcho(): void {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (data) => socket.write(data));
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as net.AddressInfo;
    process.send!({ port: address.port });
  });
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuUs: user + system });
  });
  process.on('disconnect', () => process.exit(0));
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    if (message !== undefined) child.send(message);
  });
}

/** Sends `count` messages, paced at `rate` per second (0: each as soon as the last is back). */
function roundTrips(socket: net.Socket, count: number, rate: number): Promise<void> {
  const payload = Buffer.alloc(MESSAGE_BYTES, 'x');
  const startedAt = performance.now();
  let received = 0;
  let sent = 0;
  return new Promise((done) => {
    const onData = (data: Buffer) => {
      received += data.length;
      if (received >= count * MESSAGE_BYTES) {
        socket.off('data', onData);
        done();
      } else if (rate === 0 && received % MESSAGE_BYTES === 0) socket.write(payload);
    };
    socket.on('data', onData);
    if (rate === 0) {
      socket.write(payload);
      return;
    }
    const timer = setInterval(() => {
      const due = Math.min(count, Math.floor(((performance.now() - startedAt) * rate) / 1000));
      for (; sent < due; sent++) socket.write(payload);
      if (sent >= count) clearInterval(timer);
    }, 1);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '1000' },
      count: { type: 'string', default: '5000' },
    },
  });
  const rate = Number(values.rate);
  const count = Number(values.count);
  if (!(rate > 0) || !(count > 0)) throw new Error('--rate and --count must be positive numbers');
  const child = fork(new URL(import.meta.url).pathname, ['--echo']);
  try {
    const { port } = await ask<{ port: number }>(child);
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((resolve) => socket.once('connect', resolve));
    await roundTrips(socket, Math.min(count, 500), 0); // warm-up: JIT, the connection
    for (const pace of [rate, 0]) {
      const echoBefore = (await ask<{ cpuUs: number }>(child, 'cpu')).cpuUs;
      const before = process.cpuUsage();
      const startedAt = performance.now();
      await roundTrips(socket, count, pace);
      const own = process.cpuUsage(before);
      const echo = (await ask<{ cpuUs: number }>(child, 'cpu')).cpuUs - echoBefore;
      const seconds = (performance.now() - startedAt) / 1000;
      const sender = (own.user + own.system) / count;
      console.log(
        `${pace === 0 ? 'back to back' : `paced at ${pace}/s`}: ${Math.round(count / seconds)} round trips/s, CPU µs per round trip: sender ${sender.toFixed(1)}, echo ${(echo / count).toFixed(1)}, both ${(sender + echo / count).toFixed(1)}`,
      );
    }
    socket.destroy();
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes('--echo')) serveEcho();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
