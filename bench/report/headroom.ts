import type { BenchRun } from '../lib/results.js';

/**
 * The cores behind a "two processes ÷ one" ratio, as a note. If everything the one-process run
 * kept busy (the process, the database, the load generator, the receiver) doubles with a second
 * process, the two-process run needs twice the cores the first kept busy: a machine with `cores`
 * can show at most cores ÷ busy. Below the target, that ratio says how many cores the run had, not
 * what a second node adds.
 */
export function headroomNote(
  run: BenchRun,
  [oneId, twoId]: [string, string],
  role: 'api' | 'workers',
  target: number,
): string | null {
  const one = coresOf(run, oneId, role);
  if (!one) return null;
  const two = coresOf(run, twoId, role);
  const bound = one.busy > 0 ? one.cores / one.busy : Number.POSITIVE_INFINITY;
  const parts = [
    `cores busy of ${one.cores}: ${one.busy} with one (${role === 'api' ? 'api' : 'worker'} ${one.own}, database ${one.database})${two ? `, ${two.busy} with two (${role} ${two.own}, database ${two.database})` : ''}`,
  ];
  if (bound < target)
    parts.push(
      `so at most ${bound.toFixed(2)}× fits on this machine (${one.cores} ÷ ${one.busy}): the second process shared the cores the first run used`,
    );
  return parts.join('; ');
}

function coresOf(
  run: BenchRun,
  id: string,
  role: 'api' | 'workers',
): { cores: number; busy: number; own: number; database: number } | null {
  const extra = run.scenarios.find((s) => s.id === id && s.status === 'ok')?.extra;
  const n = (key: string) => (typeof extra?.[key] === 'number' ? (extra[key] as number) : null);
  const cores = n('machineCores');
  const busy = n('coresBusy');
  if (cores === null || busy === null) return null;
  return { cores, busy, own: n(`${role}Cores`) ?? 0, database: n('databaseCores') ?? 0 };
}

/**
 * The cores behind a rate, as a note: how busy the machine was, the Hookline process's share, its
 * CPU per message, and how many cores `goal` messages/s would take at that cost.
 */
export function costNote(run: BenchRun, id: string, goal: number): string | null {
  const s = run.scenarios.find((x) => x.id === id && x.status === 'ok');
  const n = (key: string) =>
    typeof s?.extra?.[key] === 'number' ? (s.extra[key] as number) : null;
  const cores = n('machineCores');
  const busy = n('coresBusy');
  const own = n('hooklineCores');
  if (!s?.perSecond || cores === null || busy === null || own === null) return null;
  const coreSecondsPerMessage = own / s.perSecond;
  return `cores busy of ${cores}: ${busy}, Hookline ${own} (${Math.round(coreSecondsPerMessage * 1e6)} µs of CPU per message: ${fmtGoal(goal)}/s would take ${(coreSecondsPerMessage * goal).toFixed(1)} cores)`;
}

const fmtGoal = (n: number) => n.toLocaleString('en-US');
