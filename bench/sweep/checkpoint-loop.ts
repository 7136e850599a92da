import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export interface CheckpointLoop {
  stop(): Promise<{ checkpoints: number; largestWalMb: number }>;
}

/**
 * Makes the server checkpoint a large WAL, again and again: a reader (as a long report or a backup
 * would) pins a snapshot for `pinMs`, so no checkpoint can pass it and the WAL grows; then it lets
 * go and a checkpoint (PASSIVE, from its own connection, beside the server's own) copies all of it.
 * It runs on a thread of its own: on the producer's, each checkpoint would stall the sends and the
 * sweep would charge that stall to the server.
 */
export function checkpointLoop(file: string, pinMs: number): CheckpointLoop {
  const worker = new Worker(new URL('./checkpoint-loop-worker.js', import.meta.url), {
    workerData: { file, pinMs },
  });
  const result = once(worker, 'message') as Promise<
    [{ checkpoints: number; largestWalMb: number }]
  >;
  return {
    async stop() {
      worker.postMessage('stop');
      const [outcome] = await result;
      await worker.terminate();
      return outcome;
    },
  };
}
