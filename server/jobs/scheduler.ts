import type { Db } from '../db/create-db.ts';
import { type RunReport, runRecorded, type Sweep } from './record-run.ts';

// A tiny in-process scheduler: every job once at start, then at each interval; a job still running when its next turn
// comes is skipped, so the same job never overlaps itself; a failure is recorded and logged, never thrown.
// Time is a parameter (architecture principle 6): the clock both stamps runs and drives the interval, so tests tick
// by hand.

export const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;

export interface SchedulerClock {
  now(): Date;
  /** Calls `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref(); // the scheduler never keeps the process alive on its own
    return () => clearInterval(timer);
  },
};

export interface ScheduledJob {
  name: string;
  run: Sweep;
}

/** pino-shaped, so the app's logger (app.log) fits. */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  db: Db;
  log?: SchedulerLog;
  intervalMs?: number;
}

export interface Scheduler {
  /** One turn now (what each interval does): starts every job not already running; resolves when those runs end. */
  tick(): Promise<RunReport[]>;
  /** Resolves when no run is in progress (the one started at start included). */
  idle(): Promise<void>;
  /** Stops the interval and waits for the runs in progress. */
  stop(): Promise<void>;
}

const quiet: SchedulerLog = { info() {}, warn() {}, error() {} };

/**
 * Starts the scheduler. `jobs` is read at every turn, so a registry function (job-registry.ts registeredSweeps)
 * picks up sweeps registered later.
 */
export function startScheduler(
  deps: SchedulerDeps,
  jobs: readonly ScheduledJob[] | (() => readonly ScheduledJob[]),
  clock: SchedulerClock = systemClock,
): Scheduler {
  const { db, log = quiet, intervalMs = DEFAULT_INTERVAL_MS } = deps;
  const running = new Map<string, Promise<RunReport | null>>();
  let stopped = false;

  function start(job: ScheduledJob): Promise<RunReport | null> {
    const run = runRecorded(db, job.name, job.run, clock.now(), 'scheduler', () => clock.now())
      .then((report) => {
        if (report.outcome === 'failure') log.error({ job: job.name, runId: report.runId, code: report.errorCode, err: report.error }, 'sweep failed');
        else log.info({ job: job.name, runId: report.runId, changed: report.changed }, 'sweep done');
        return report;
      })
      .catch((err: unknown) => {
        // The run could not even be recorded (database unreachable): log it and try again at the next turn.
        log.error({ job: job.name, err }, 'sweep not run');
        return null;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  async function tick(): Promise<RunReport[]> {
    if (stopped) return [];
    const started: Promise<RunReport | null>[] = [];
    for (const job of typeof jobs === 'function' ? jobs() : jobs) {
      if (running.has(job.name)) {
        log.warn({ job: job.name }, 'sweep still running; this turn is skipped');
        continue;
      }
      started.push(start(job));
    }
    return (await Promise.all(started)).filter((r): r is RunReport => r !== null);
  }

  const cancel = clock.every(intervalMs, () => void tick());
  void tick();

  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.all(running.values());
  }

  return {
    tick,
    idle,
    async stop() {
      stopped = true;
      cancel();
      await idle();
    },
  };
}
