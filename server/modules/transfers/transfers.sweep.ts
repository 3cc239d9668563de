import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import type { RequestContext } from '../../http/actor.ts';
import { registerSweep } from '../../jobs/job-registry.ts';
import * as repo from './transfers.repo.ts';
import { markOverdue } from './transfers.service.ts';

// The deadline sweep of transfers (architecture principle 5): a letter not presented at the destination by its stored
// presentation due day (R-MGT-05: 30 working days) is marked overdue through decideTransfer, once, with an event and
// an audit row; both sides and the organization above then see it in their overdue box (Kế hoạch 99 II.4 screens
// members who never hand their file to the destination). Idempotent: a second run finds nothing to change.

export const TRANSFER_SWEEP = 'transfers.overdue';

export async function sweepOverdueTransfers(db: Db, now: Date): Promise<{ changed: number }> {
  const today = todayInVietnam(now);
  const ctx: RequestContext = { requestId: `sweep:${TRANSFER_SWEEP}:${now.toISOString()}`, actor: null, now };
  let changed = 0;
  for (const c of await repo.listPastDue(db, today)) {
    if (await markOverdue(db, ctx, c)) changed++;
  }
  return { changed };
}

/** Registers the sweep (server/jobs/job-registry.ts); wired in server/jobs/sweeps.ts, which the scheduler and the CLI both call. */
export function registerTransferSweep(): void {
  registerSweep(TRANSFER_SWEEP, sweepOverdueTransfers);
}
