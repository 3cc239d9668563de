import type { Db } from '../db/create-db.ts';
import { type RunReport, type RunTrigger, type Sweep, runRecorded } from './record-run.ts';

// Where modules register their sweeps by name (wired in server/jobs/sweeps.ts); the scheduler (server/main.ts) and the
// `sweep` command (server/cli.ts) run what is registered here.

export type { Sweep } from './record-run.ts';

const NAME = /^[a-z][a-z0-9_.-]{0,79}$/;
const sweeps = new Map<string, Sweep>();

/**
 * Registers `fn` under `name` (e.g. 'admission.overdue'). Registering the same function again is harmless (several
 * apps in one test file); a different function under a taken name is a wiring mistake and throws.
 */
export function registerSweep(name: string, fn: Sweep): void {
  if (!NAME.test(name)) throw new Error(`sweep name ${JSON.stringify(name)}: lower-case letters, digits, '.', '_' or '-'`);
  const existing = sweeps.get(name);
  if (existing && existing !== fn) throw new Error(`another sweep is already registered as ${name}`);
  sweeps.set(name, fn);
}

/** For tests: forget a sweep. */
export function unregisterSweep(name: string): void {
  sweeps.delete(name);
}

/** The registered sweeps, in registration order. */
export function registeredSweeps(): { name: string; run: Sweep }[] {
  return [...sweeps].map(([name, run]) => ({ name, run }));
}

export interface RunSweepsOptions {
  trigger?: RunTrigger;
  /** Only these sweeps (unknown names are reported as failures with code UNKNOWN_SWEEP). */
  only?: readonly string[];
  /** The clock that stamps finished_at (default: the system clock). */
  clock?: () => Date;
}

/**
 * Runs every registered sweep once, one after the other, each recorded in job_runs, and reports per sweep.
 * A failing sweep does not stop the others.
 */
export async function runSweeps(db: Db, now: Date, options: RunSweepsOptions = {}): Promise<RunReport[]> {
  const { trigger = 'cli', only, clock = () => new Date() } = options;
  const reports: RunReport[] = [];
  for (const name of only ?? [...sweeps.keys()]) {
    const sweep = sweeps.get(name);
    if (!sweep) {
      reports.push({ name, runId: 0, outcome: 'failure', changed: null, errorCode: 'UNKNOWN_SWEEP', error: null });
      continue;
    }
    reports.push(await runRecorded(db, name, sweep, now, trigger, clock));
  }
  return reports;
}
