import { afterAll, afterEach, beforeEach } from 'vitest';
import { forwardTo } from './forward-to.js';
import {
  removeDataDirs,
  startHookline,
  type StartOptions,
  type TestHookline,
} from './hookline-app.js';
import { startReceiver, type Receiver } from './receiver.js';

export interface HooklineFixture {
  /** The current test's Hookline: fresh SQLite data folder, fake clock, dispatcher driven by the test. */
  h: TestHookline;
  /** The current test's webhook receiver on 127.0.0.1 (answers 200 unless scripted). */
  receiver: Receiver;
  /** Closes the current test's Hookline and starts another, with `options`, in its place. */
  restartHookline(options: StartOptions): Promise<void>;
}

/**
 * Registers the hooks that most integration files share: before each test a receiver, then a
 * Hookline; after it both are closed; after the file, the temp data folders are removed.
 */
export function useHooklineFixture(): HooklineFixture {
  let h: TestHookline | undefined;
  let receiver: Receiver | undefined;
  beforeEach(async () => {
    receiver = await startReceiver();
    h = await startHookline();
  });
  afterEach(async () => {
    await h?.close();
    await receiver?.close();
    h = undefined;
    receiver = undefined;
  });
  afterAll(removeDataDirs);
  return {
    h: forwardTo('h', () => h),
    receiver: forwardTo('receiver', () => receiver),
    async restartHookline(options) {
      await h?.close();
      h = await startHookline(options);
    },
  };
}
