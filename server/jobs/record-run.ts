import { DomainError } from '../../common/errors.ts';
import type { Db } from '../db/create-db.ts';
import { finishRun, insertRun } from './job-runs.repo.ts';

/** A sweep acts on passed deadlines through the same `decide` as people do (architecture principle 5) and says how many records it changed. */
export type Sweep = (db: Db, now: Date) => Promise<{ changed: number }>;

export type RunTrigger = 'scheduler' | 'cli';

export interface RunReport {
  name: string;
  runId: number;
  outcome: 'success' | 'failure';
  changed: number | null;
  errorCode: string | null;
  /** The error itself, for the caller's log only (never stored: messages may carry personal data). */
  error: unknown;
}

const MAX_CODE = 80;

/** What job_runs keeps of a failure: a code, never the message. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof DomainError) return err.code;
  const e = err as { code?: unknown; name?: unknown } | null;
  const code = typeof e?.code === 'string' || typeof e?.code === 'number' ? String(e.code) : typeof e?.name === 'string' ? e.name : 'UNKNOWN';
  return code.slice(0, MAX_CODE);
}

/**
 * Runs one sweep with a job_runs row around it: 'running' when it starts, then 'success' with the count of changed
 * records or 'failure' with an error code. A failing sweep is reported, never thrown; only failing to write the
 * record itself throws (the database is unreachable).
 */
export async function runRecorded(db: Db, name: string, sweep: Sweep, now: Date, trigger: RunTrigger, clock: () => Date): Promise<RunReport> {
  const runId = await insertRun(db, { name, trigger, startedAt: now.toISOString() });
  let report: RunReport;
  try {
    const { changed } = await sweep(db, now);
    if (!Number.isInteger(changed) || changed < 0) throw new TypeError(`sweep ${name} returned changed = ${String(changed)}`);
    report = { name, runId, outcome: 'success', changed, errorCode: null, error: null };
  } catch (err) {
    report = { name, runId, outcome: 'failure', changed: null, errorCode: errorCodeOf(err), error: err };
  }
  const finished = clock();
  await finishRun(db, runId, {
    // Never before the start, even with a test's fixed `now` and a real clock.
    finishedAt: (finished < now ? now : finished).toISOString(),
    outcome: report.outcome,
    changed: report.changed,
    errorCode: report.errorCode,
  });
  return report;
}
