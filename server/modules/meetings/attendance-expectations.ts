import type { Kysely } from 'kysely';
import { attendanceExpectation } from '../../../common/rules/meeting-compliance.ts';
import type { Database } from '../../db/schema.ts';
import { loadExemptionFacts } from '../exemptions/exemption-facts.ts';
import * as repo from './meetings.repo.ts';
import { temporaryTransfersOf } from './temporary-transfers.ts';

/**
 * Attendance rows store whether the member was expected (R-MGT-02, R-MGT-06) so that screening (R-RMV-01) can count
 * absences in SQL. When a member's exemptions change, their stored rows are judged again with the facts as they now
 * stand; call inside the transaction of the change.
 */
export async function refreshAttendanceExpectations(trx: Kysely<Database>, memberId: number): Promise<number> {
  const rows = await repo.listAttendanceDatesOfMember(trx, memberId);
  if (rows.length === 0) return 0;
  const [exemptions, transfers] = await Promise.all([
    loadExemptionFacts(trx, [memberId], 'activities'),
    temporaryTransfersOf(trx, [memberId]),
  ]);
  let changed = 0;
  for (const r of rows) {
    const e = attendanceExpectation({ memberId }, r.meeting_date, exemptions, transfers);
    const expected = e.expected ? 1 : 0;
    if (expected === r.expected && e.reason === r.expectation) continue;
    await repo.setAttendanceExpectation(trx, r.meeting_id, memberId, expected, e.reason);
    changed++;
  }
  return changed;
}
