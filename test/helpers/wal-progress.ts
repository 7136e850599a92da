import { readFileSync, statSync } from 'node:fs';

/** Polls until `check` holds; a generous limit, no timing asserted. */
export async function until(what: string, check: () => boolean, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Frames in the WAL and frames copied into the database, read from the wal-index (the -shm file;
 * layout in https://www.sqlite.org/walformat.html): seen from outside, without checkpointing.
 */
export function walProgress(file: string): { frames: number; copied: number } {
  const shm = readFileSync(`${file}-shm`).subarray(0, 136);
  return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

/** A file's size; 0 when it does not exist. */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
