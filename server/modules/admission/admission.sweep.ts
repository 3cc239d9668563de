import { DomainError } from '../../../common/errors.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { RequestContext } from '../../http/actor.ts';
import { registerSweep } from '../../jobs/job-registry.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './admission.repo.ts';
import { endProbation } from './admission.service.ts';

// The deadline sweep of admission cases (architecture principle 5: a sweep acts on passed deadlines through the same
// decide as people do). Probation whose 12 months are over moves to the cell's recognition vote through
// decideAdmission('end_probation'); any other step past its stored due date is marked overdue once (overdue_since,
// a decision row and an audit row). Idempotent: a second run on the same day finds nothing to change.

export const ADMISSION_SWEEP = 'admission.overdue';

export async function sweepAdmissionDeadlines(db: Db, now: Date): Promise<{ changed: number }> {
  const today = todayInVietnam(now);
  const ctx: RequestContext = { requestId: `sweep:${ADMISSION_SWEEP}:${now.toISOString()}`, actor: null, now };
  let changed = 0;
  for (const c of await repo.listSweepCandidates(db, today)) {
    if (c.status === 'probation') {
      try {
        await endProbation(db, ctx, null, c.id, c.version);
        changed++;
      } catch (err) {
        // Someone acted on the case meanwhile (CONFLICT) or a rule still holds it: the next run looks again.
        if (!(err instanceof DomainError)) throw err;
      }
      continue;
    }
    const marked = await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      if (!(await repo.markOverdue(trx, c.id, c.due_at!, today))) return false;
      await repo.insertDecision(trx, {
        case_id: c.id,
        action_type: 'overdue_marked',
        action: JSON.stringify({ type: 'overdue_marked', dueAt: c.due_at }),
        from_status: c.status,
        to_status: c.status,
        effective_on: today,
        checks: '[]',
        due_at: c.due_at,
        actor_user_id: null,
        at: now.toISOString(),
      });
      await appendAudit(trx, ctx, { action: 'admission.overdue_marked', objectType: 'admission_case', objectId: c.id, changedFields: ['overdueSince'] });
      return true;
    });
    if (marked) changed++;
  }
  return { changed };
}

/** Registers the sweep (server/jobs/job-registry.ts); wired by server/jobs/sweeps.ts registerModuleSweeps(). */
export function registerAdmissionSweep(): void {
  registerSweep(ADMISSION_SWEEP, sweepAdmissionDeadlines);
}
