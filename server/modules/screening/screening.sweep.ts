import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { RequestContext } from '../../http/actor.ts';
import { registerSweep } from '../../jobs/job-registry.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './screening.repo.ts';
import { runScreening } from './screening.service.ts';

// The two scheduled jobs of screening (architecture principle 5; server/jobs/sweeps.ts wires them):
// - screening.scheduled: once a day, a run over each root of the tree for the current year (and, in January, for
//   the year just ended, whose December has now closed). The scheduler calls sweeps hourly; a day's run is not repeated.
// - screening.escalate: R-RMV-07 (Kế hoạch 99 II.4): an open flag past its stored review due day rises to the
//   organization above its cell, once, with an audit row. Idempotent: a second pass finds nothing to change.

export const SCREENING_SWEEP = 'screening.scheduled';
export const ESCALATION_SWEEP = 'screening.escalate';
const ESCALATION_BATCH = 500;
/** Bounded: at most this many batches per pass (the next pass goes on). */
const MAX_BATCHES = 200;

export async function sweepScheduledScreening(db: Db, now: Date): Promise<{ changed: number }> {
  const today = todayInVietnam(now);
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '01' ? [year - 1, year] : [year];
  let changed = 0;
  for (const root of await repo.listRootOrganizations(db)) {
    for (const y of years) {
      if (await repo.findScheduledRun(db, root.id, y, today)) continue;
      const outcome = await runScreening(db, { organizationId: root.id, path: root.path, year: y, asOf: today, trigger: 'scheduled', startedBy: null }, now);
      changed += outcome.flagsNew;
    }
  }
  return { changed };
}

export async function sweepEscalations(db: Db, now: Date): Promise<{ changed: number }> {
  const today = todayInVietnam(now);
  const ctx: RequestContext = { requestId: `sweep:${ESCALATION_SWEEP}:${now.toISOString()}`, actor: null, now };
  let changed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await repo.listFlagsToEscalate(db, today, ESCALATION_BATCH);
    if (due.length === 0) break;
    changed += await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      let n = 0;
      for (const f of due) {
        const written = await repo.insertEscalation(trx, { flag_id: f.id, escalated_on: today, to_organization_id: f.parent_id ?? null, at: now.toISOString() });
        if (!written) continue;
        await appendAudit(trx, ctx, { action: 'screening.escalate', objectType: 'screening_flag', objectId: f.id });
        n++;
      }
      return n;
    });
    if (due.length < ESCALATION_BATCH) break;
  }
  return { changed };
}

/** Registers both sweeps (server/jobs/job-registry.ts); wired in server/jobs/sweeps.ts. */
export function registerScreeningSweeps(): void {
  registerSweep(SCREENING_SWEEP, sweepScheduledScreening);
  registerSweep(ESCALATION_SWEEP, sweepEscalations);
}
