/**
 * Progress of a long operation (recover, migrate, purge, bench phases), on stderr so that stdout
 * stays clean for JSON. On a terminal it is a live bar (or a counter when the total is unknown);
 * elsewhere only each phase's start and end are printed as plain lines.
 *
 *   const p = await startProgress('re-queueing', { total: 1200 });
 *   p.update(300);        // or p.increment()
 *   p.phase('delivering', { total: 1200 });
 *   p.stop('done: 1200 delivered');
 */
export interface Progress {
  /** Sets the amount done so far (and the total, when it became known). */
  update(done: number, total?: number): void;
  increment(by?: number): void;
  /** Ends the current phase and starts the next one. */
  phase(name: string, options?: { total?: number }): void;
  /** Ends the progress display, printing `message` when given. */
  stop(message?: string): void;
}

export interface ProgressOptions {
  total?: number;
  /** Where to draw; process.stderr by default. */
  stream?: NodeJS.WriteStream;
}

export async function startProgress(
  name: string,
  options: ProgressOptions = {},
): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return plainProgress(name, options.total, stream);
  // Loaded only when something is long-running: keeps `hookline --help` fast.
  const { SingleBar } = await import('cli-progress');
  let phaseName = name;
  let bar: InstanceType<typeof SingleBar> | null = null;
  const begin = (total: number | undefined) => {
    bar = new SingleBar({
      stream,
      format:
        total === undefined
          ? '{phase} {value} {unit} | {duration_formatted}'
          : '{phase} [{bar}] {value}/{total} {unit} | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total ?? 0, 0, { phase: phaseName, unit: '' });
  };
  begin(options.total);
  return {
    update(done, total) {
      if (total !== undefined) bar?.setTotal(total);
      bar?.update(done);
    },
    increment(by = 1) {
      bar?.increment(by);
    },
    phase(next, phaseOptions = {}) {
      bar?.stop();
      phaseName = next;
      begin(phaseOptions.total);
    },
    stop(message) {
      bar?.stop();
      bar = null;
      if (message) stream.write(`${message}\n`);
    },
  };
}

function plainProgress(
  name: string,
  total: number | undefined,
  stream: NodeJS.WritableStream,
): Progress {
  let current = name;
  let done = 0;
  let started = Date.now();
  const say = (line: string) => stream.write(`${line}\n`);
  const begin = (phase: string, of: number | undefined) => {
    current = phase;
    done = 0;
    started = Date.now();
    say(of === undefined ? `${phase}...` : `${phase} (${of})...`);
  };
  const end = () => say(`${current}: ${done} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  begin(name, total);
  return {
    update(value) {
      done = value;
    },
    increment(by = 1) {
      done += by;
    },
    phase(next, options = {}) {
      end();
      begin(next, options.total);
    },
    stop(message) {
      end();
      if (message) say(message);
    },
  };
}
