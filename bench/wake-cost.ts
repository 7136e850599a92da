/**
 * `node dist/bench/wake-cost.js [--rate 1000] [--count 5000]` — what one loopback TCP round trip
 * between two processes costs in CPU on this machine, paced at `--rate` (each side sleeps until
 * the next message is due, and a timer wakes the sender) and back to back (each side sleeps only
 * while the other answers). Each process-to-process hop of a message through Hookline (load
 * generator → API, API → database, worker → receiver) is such a round trip: where a long sleep
 * costs much more to wake from than a short one (a VM whose wake-ups cross the hypervisor), a
 * message can cost more CPU at a low rate than at a high one. Prints only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
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

/** The child's next message (after sending `message`); fails if the child exits first. */
function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the echo process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (answer) => {
      child.off('exit', onExit);
      resolve(answer as T);
    });
    if (message !== undefined) child.send(message);
  });
}

/**
 * Sends `count` messages, paced at `rate` per second (0: each as soon as the last is back); fails
 * if the connection ends or errs first.
 */
function roundTrips(socket: net.Socket, count: number, rate: number): Promise<void> {
  const payload = Buffer.alloc(MESSAGE_BYTES, 'x');
  const startedAt = performance.now();
  let received = 0;
  let sent = 0;
  let timer: NodeJS.Timeout | null = null;
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (timer) clearTimeout(timer);
      socket.off('data', onData).off('error', finish).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onClose = () => finish(new Error('the echo connection closed'));
    function onData(data: Buffer) {
      received += data.length;
      if (received >= count * MESSAGE_BYTES) finish();
      else if (rate === 0 && received % MESSAGE_BYTES === 0) socket.write(payload);
    }
    // Each message goes when it is due, one timer per message: the sender sleeps in between.
    const sendDue = () => {
      const due = Math.min(count, Math.floor(((performance.now() - startedAt) * rate) / 1000) + 1);
      for (; sent < due; sent++) socket.write(payload);
      if (sent < count)
        timer = setTimeout(
          sendDue,
          Math.max(0, startedAt + (sent * 1000) / rate - performance.now()),
        );
    };
    socket.on('data', onData).on('error', finish).on('close', onClose);
    if (rate === 0) socket.write(payload);
    else sendDue();
  });
}

async function measure(child: ChildProcess, socket: net.Socket, count: number, rate: number) {
  const echoBefore = (await ask<{ cpuUs: number }>(child, 'cpu')).cpuUs;
  const before = process.cpuUsage();
  const startedAt = performance.now();
  await roundTrips(socket, count, rate);
  const seconds = (performance.now() - startedAt) / 1000;
  const own = process.cpuUsage(before);
  const echo = (await ask<{ cpuUs: number }>(child, 'cpu')).cpuUs - echoBefore;
  const sender = (own.user + own.system) / count;
  console.log(
    `${rate === 0 ? 'back to back' : `paced at ${rate}/s`}: ${Math.round(count / seconds)} round trips/s, CPU µs per round trip: sender ${sender.toFixed(1)}, echo ${(echo / count).toFixed(1)}, both ${(sender + echo / count).toFixed(1)}`,
  );
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
  if (!(rate > 0) || !Number.isInteger(count) || count <= 0)
    throw new Error('--rate must be a positive number and --count a positive integer');
  const child = fork(fileURLToPath(import.meta.url), ['--echo']);
  try {
    const { port } = await ask<{ port: number }>(child);
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    // Warm-up of both ways (JIT, the connection), so neither measured run pays for it.
    const warm = Math.min(count, 500);
    await roundTrips(socket, warm, 0);
    await roundTrips(socket, warm, rate);
    await measure(child, socket, count, rate);
    await measure(child, socket, count, 0);
    socket.destroy();
  } finally {
    if (child.connected) child.disconnect();
  }
}

if (process.argv.includes('--echo')) serveEcho();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
