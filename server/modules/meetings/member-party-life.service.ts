import type { MemberPartyLife } from '../../../common/contracts/party-life.contract.ts';
import { ZAttendanceStatus, ZExpectation, ZMeetingKind } from '../../../common/contracts/meetings.contract.ts';
import { DomainError } from '../../../common/errors.ts';
import { parseIsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import { monthsAbsentWithoutReason } from '../../../common/rules/meeting-compliance.ts';
import type { Db } from '../../db/create-db.ts';
import { appendAuditAlone } from '../audit/audit.repo.ts';
import { listAssignmentsOfMemberInScope } from '../assignments/assignments.repo.ts';
import { presentAssignment } from '../assignments/assignments.service.ts';
import { listExemptionsOfMemberInScope } from '../exemptions/exemptions.repo.ts';
import { presentExemption } from '../exemptions/exemptions.service.ts';
import { listRegistrationsOfMemberInScope } from '../residence/residence.repo.ts';
import { presentRegistrations } from '../residence/residence.service.ts';
import { findMemberInScope } from './cells.repo.ts';
import { listAttendanceOfMemberInScope } from './meetings.repo.ts';
import type { Ctx } from './meetings.service.ts';

/**
 * A member's party life for their record (issue 4 item 7): meetings missed, work assignments, exemptions and residence
 * registrations with their yearly opinions, and the months that count against them under R-RMV-01. Officials read it
 * for members of their subtree; a member reads only their own (reach 'self'): anyone else's answers 404.
 * A sensitive read (health reasons, absences), so it is audited.
 */
export async function getMemberPartyLife(db: Db, ctx: Ctx, memberId: number): Promise<MemberPartyLife> {
  const member = await findMemberInScope(db, ctx.actor, memberId);
  if (!member) throw new DomainError('NOT_FOUND');
  const today = todayInVietnam(ctx.now);
  const [attendance, assignments, exemptions, registrations] = await Promise.all([
    listAttendanceOfMemberInScope(db, ctx.actor, memberId),
    listAssignmentsOfMemberInScope(db, ctx.actor, memberId),
    listExemptionsOfMemberInScope(db, ctx.actor, memberId),
    listRegistrationsOfMemberInScope(db, ctx.actor, memberId),
  ]);
  const records = attendance.map((a) => ({
    meetingDate: a.meeting_date,
    kind: ZMeetingKind.parse(a.kind),
    expected: a.expected === 1,
    status: ZAttendanceStatus.parse(a.status),
  }));
  const years = [...new Set(records.map((r) => parseIsoDate(r.meetingDate).y))].sort((a, b) => b - a);
  const result: MemberPartyLife = {
    member: { id: member.id, fullName: member.full_name, organization: { id: member.organization_id, name: member.organization_name } },
    attendance: {
      recorded: attendance.length,
      present: attendance.filter((a) => a.status === 'present').length,
      missed: attendance
        .filter((a) => a.status !== 'present')
        .map((a) => ({
          meetingId: a.meeting_id,
          date: a.meeting_date,
          kind: ZMeetingKind.parse(a.kind),
          topic: a.topic,
          status: ZAttendanceStatus.parse(a.status),
          reason: a.reason,
          expected: a.expected === 1,
          expectation: ZExpectation.parse(a.expectation),
          organization: { id: a.organization_id, name: a.organization_name },
        })),
      monthsAbsentWithoutReason: years
        .map((year) => ({ year, months: monthsAbsentWithoutReason(year, records) }))
        .filter((y) => y.months.length > 0),
    },
    assignments: assignments.map(presentAssignment),
    exemptions: exemptions.map((e) => presentExemption(e, today)),
    residence: await presentRegistrations(db, registrations),
  };
  await appendAuditAlone(db, ctx, { action: 'member.party_life.read', objectType: 'member', objectId: memberId });
  return result;
}
