import type { ChildProcess } from 'node:child_process';
import { readStatusKb } from '../hookline/process.js';
import type { Receiver } from '../receiver-client.js';
import type { SweepTarget } from './run-sweep.js';

/**
 * A baseline serving in a child process (child-server.ts) as the sweep sees it: its messages are
 * done once the receiver has them all; its memory and CPU are the child's own.
 */
export function childSweepTarget(
  receiver: Receiver,
  appId: string,
  server: { child: ChildProcess; port: number },
): SweepTarget {
  const pid = server.child.pid!;
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    apiKey: 'unused',
    appId,
    drained: (acked, limitMs) =>
      receiver.waitForOk(acked, limitMs).then(
        () => true,
        () => false,
      ),
    peakRssMb: async () => (await readStatusKb(pid, 'VmHWM')) / 1024,
    pids: () => [pid],
  };
}
