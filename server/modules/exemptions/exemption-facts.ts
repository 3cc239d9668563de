import type { Kysely } from 'kysely';
import { EXEMPTION_REASONS, type Exemption, type ExemptionReason } from '../../../common/rules/exemption-rules.ts';
import type { Database } from '../../db/schema.ts';
import { type ExemptionRow, listExemptionsOfMembers } from './exemptions.repo.ts';

/**
 * What an exemption exempts from (R-MGT-02 "miễn sinh hoạt đảng và công tác": the cell may grant either or both).
 * 'activities' drops the member from meeting attendance expectations (and, for the admission module, from vote bases),
 * 'work' from the need of a work assignment (R-MGT-01); 'any' for grading (R-GRD-02: exempted members are not graded).
 */
export type ExemptFrom = 'activities' | 'work' | 'any';

const asReason = (s: string): ExemptionReason => ((EXEMPTION_REASONS as readonly string[]).includes(s) ? (s as ExemptionReason) : 'other');

/** A stored exemption as the pure rules (common/rules/exemption-rules.ts) read it. */
export function toRuleExemption(row: ExemptionRow): Exemption {
  return {
    memberId: row.member_id,
    reason: asReason(row.reason),
    note: row.note ?? undefined,
    requestKind: row.request_kind === 'oral' ? 'oral' : 'written',
    requestedOn: row.requested_on,
    decidedOn: row.decided_on,
    decisionRef: row.decision_ref,
    superiorInformedOn: row.superior_informed_on,
    from: row.from_date,
    to: row.to_date,
  };
}

export function coversScope(row: Pick<ExemptionRow, 'from_activities' | 'from_work'>, from: ExemptFrom): boolean {
  if (from === 'activities') return row.from_activities === 1;
  if (from === 'work') return row.from_work === 1;
  return true;
}

/** The members' exemptions of the given scope, as rule facts. */
export async function loadExemptionFacts(db: Kysely<Database>, memberIds: readonly number[], from: ExemptFrom): Promise<Exemption[]> {
  const rows = await listExemptionsOfMembers(db, memberIds);
  return rows.filter((r) => coversScope(r, from)).map(toRuleExemption);
}
