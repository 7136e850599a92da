import type { BenchRun } from '../lib/results.js';
import { extraNumber } from './extra-number.js';

/** A run that kept this share of the machine's cores busy had none left. */
const SATURATED = 0.9;

/**
 * The cores behind a "two processes ÷ one" ratio, as a note. If everything the one-process run
 * kept busy (the process, the database, the load generator, the receiver) doubles with a second
 * process and a message costs the same CPU, the two-process run needs twice the cores the first
 * kept busy: a machine with C cores fits about C ÷ busy. Below the target, that tells how many
 * cores the run had rather than what a second node adds.
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
  const [single, plural] = role === 'api' ? ['api', 'apis'] : ['worker', 'workers'];
  const parts = [
    `cores busy of ${one.cores}: ${one.busy} with one (${breakdown(single, one)})${two ? `, ${two.busy} with two (${breakdown(plural, two)})` : ''}`,
  ];
  const fits = one.busy > 0 ? one.cores / one.busy : Number.POSITIVE_INFINITY;
  if (fits < target)
    parts.push(
      `so this machine fits about ${fits.toFixed(2)}× (${one.cores} ÷ ${one.busy}) if a message costs the same CPU with two${two && two.busy >= SATURATED * two.cores ? ', and the two-process run kept it saturated' : ''}`,
    );
  return parts.join('; ');
}

interface Cores {
  cores: number;
  busy: number;
  own: number | null;
  database: number | null;
}

function coresOf(run: BenchRun, id: string, role: 'api' | 'workers'): Cores | null {
  const n = (key: string) => extraNumber(run, id, key);
  const cores = n('machineCores');
  const busy = n('coresBusy');
  if (cores === null || busy === null) return null;
  return { cores, busy, own: n(`${role}Cores`), database: n('databaseCores') };
}

function breakdown(name: string, c: Cores): string {
  return [
    c.own === null ? null : `${name} ${c.own}`,
    c.database === null ? null : `database ${c.database}`,
  ]
    .filter((p) => p !== null)
    .join(', ');
}
