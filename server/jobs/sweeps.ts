import type { Db } from '../db/create-db.ts';
import { registeredSweeps } from './job-registry.ts';
import { registerAdmissionSweep } from '../modules/admission/admission.sweep.ts';
import { registerTransferSweep } from '../modules/transfers/transfers.sweep.ts';
import { registerScreeningSweeps } from '../modules/screening/screening.sweep.ts';
import { type Scheduler, type SchedulerClock, type SchedulerLog, startScheduler, systemClock } from './scheduler.ts';

// The one place where modules' sweeps are wired (composition, like app.ts): the serving process (server/main.ts) and
// the `sweep` command (server/cli.ts) both call registerModuleSweeps() before running anything.

/** One line per sweep, e.g. registerSweep('admission.overdue', sweepOverdueAdmissionSteps). */
export function registerModuleSweeps(): void {
  registerAdmissionSweep();
  registerTransferSweep();
  registerScreeningSweeps();
}

/** For server/main.ts: registers the modules' sweeps and runs them now and every hour until stopped. */
export function startSweepScheduler(deps: { db: Db; log?: SchedulerLog; intervalMs?: number }, clock: SchedulerClock = systemClock): Scheduler {
  registerModuleSweeps();
  return startScheduler(deps, registeredSweeps, clock);
}
