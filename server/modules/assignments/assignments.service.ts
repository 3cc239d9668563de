import type { Kysely } from 'kysely';
import {
  type Assignment,
  type CellAssignments,
  type CreateAssignmentInput,
  type UpdateAssignmentInput,
} from '../../../common/contracts/party-life.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { isExemptOn, membersWithoutAssignment } from '../../../common/rules/exemption-rules.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import { isOnTemporaryTransferOn } from '../../../common/rules/transfer-rules.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { loadExemptionFacts } from '../exemptions/exemption-facts.ts';
import * as cells from '../meetings/cells.repo.ts';
import { type Ctx, inTransaction, loadCell } from '../meetings/meetings.service.ts';
import { temporaryTransfersOf } from '../meetings/temporary-transfers.ts';
import { registeredMemberIdsOn } from '../residence/residence.repo.ts';
import * as repo from './assignments.repo.ts';

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

export function presentAssignment(a: repo.AssignmentWithNames): Assignment {
  return {
    id: a.id,
    member: { id: a.member_id, fullName: a.full_name },
    organization: { id: a.organization_id, name: a.organization_name },
    description: a.description,
    from: a.from_date,
    to: a.to_date,
    assignedOn: a.assigned_on,
    meetingId: a.meeting_id,
    version: a.version,
  };
}

const validOn = (a: { from_date: string; to_date: string | null }, date: string) => a.from_date <= date && (a.to_date === null || date <= a.to_date);

/**
 * R-MGT-01 on `date` (default today): the cell's active members, each with the assignment valid that day, whether
 * they are exempted (R-MGT-02) or away on temporary transfer (R-MGT-06), and the members without an assignment
 * (membersWithoutAssignment: the exempted from work and the temporarily transferred need none).
 */
export async function getCellAssignments(db: Db, ctx: Ctx, cellId: number, date?: string): Promise<CellAssignments> {
  const cell = await loadCell(db, ctx.actor, cellId);
  const day = date ?? todayInVietnam(ctx.now);
  const members = await cells.listActiveCellMembers(db, cell.id);
  const ids = members.map((m) => m.id);
  const [assignments, fromActivities, fromWork, transfers, registered] = await Promise.all([
    repo.listAssignmentsOfMembers(db, ids),
    loadExemptionFacts(db, ids, 'activities'),
    loadExemptionFacts(db, ids, 'work'),
    temporaryTransfersOf(db, ids),
    registeredMemberIdsOn(db, ids, day),
  ]);
  const without = new Set(
    membersWithoutAssignment(
      members.map((m) => ({ memberId: m.id })),
      assignments.map((a) => ({ memberId: a.member_id, from: a.from_date, to: a.to_date, description: a.description })),
      fromWork,
      day,
      transfers,
    ).map((m) => m.memberId),
  );
  return {
    cell: { id: cell.id, name: cell.name },
    date: day,
    roster: members.map((m) => {
      const current = assignments.find((a) => a.member_id === m.id && validOn(a, day));
      return {
        memberId: m.id,
        fullName: m.full_name,
        birthDate: m.birth_date,
        memberStatus: m.status,
        exemptFromActivities: isExemptOn(fromActivities, day, m.id),
        exemptFromWork: isExemptOn(fromWork, day, m.id),
        onTemporaryTransfer: isOnTemporaryTransferOn(transfers, m.id, day),
        assignment: current ? presentAssignment(current) : null,
        withoutAssignment: without.has(m.id),
        residenceRegistered: registered.has(m.id),
      };
    }),
    withoutAssignment: members.filter((m) => without.has(m.id)).map((m) => m.id),
    assignments: assignments.map(presentAssignment),
  };
}

async function checkAssignment(
  trx: Kysely<Database>,
  cellId: number,
  input: Pick<CreateAssignmentInput, 'from' | 'to' | 'assignedOn' | 'meetingId'>,
  today: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.to !== null && input.to < input.from) issues.push({ path: 'to', code: 'before_from' });
  if (input.assignedOn > today) issues.push({ path: 'assignedOn', code: 'date_in_future', params: { today } });
  if (input.meetingId !== null) {
    const meeting = await repo.findMeetingOfCell(trx, cellId, input.meetingId);
    if (!meeting) issues.push({ path: 'meetingId', code: 'not_a_meeting_of_cell' });
    else if (meeting.meeting_date !== input.assignedOn) issues.push({ path: 'assignedOn', code: 'not_meeting_date', params: { date: meeting.meeting_date } });
  }
  return issues;
}

/** R-MGT-01: the cell assigns work to one of its active members. */
export async function createAssignment(db: Db, ctx: Ctx, cellId: number, input: CreateAssignmentInput): Promise<Assignment> {
  const id = await inTransaction(db, async (trx) => {
    const cell = await loadCell(trx, ctx.actor, cellId);
    const members = await cells.listActiveCellMembers(trx, cell.id);
    const issues: FieldIssue[] = [];
    if (!members.some((m) => m.id === input.memberId)) issues.push({ path: 'memberId', code: 'not_in_cell', params: { rule: 'R-MGT-01' } });
    issues.push(...(await checkAssignment(trx, cell.id, input, todayInVietnam(ctx.now))));
    if (issues.length) invalid(...issues);
    const at = ctx.now.toISOString();
    const id = await repo.insertAssignment(trx, {
      member_id: input.memberId,
      organization_id: cell.id,
      description: input.description,
      from_date: input.from,
      to_date: input.to,
      assigned_on: input.assignedOn,
      meeting_id: input.meetingId,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'assignment.create',
      objectType: 'assignment',
      objectId: id,
      changedFields: ['memberId', 'description', 'from', 'to', 'assignedOn', 'meetingId'],
    });
    return id;
  });
  return presentAssignment((await repo.findAssignmentInScope(db, ctx.actor, id))!);
}

export async function updateAssignment(db: Db, ctx: Ctx, id: number, input: UpdateAssignmentInput): Promise<Assignment> {
  await inTransaction(db, async (trx) => {
    const a = await repo.findAssignmentInScope(trx, ctx.actor, id);
    if (!a) throw new DomainError('NOT_FOUND');
    if (a.version !== input.version) throw new DomainError('CONFLICT', { id, version: a.version });
    const issues = await checkAssignment(trx, a.organization_id, input, todayInVietnam(ctx.now));
    if (issues.length) invalid(...issues);
    const changed = (
      [
        ['description', a.description, input.description],
        ['from', a.from_date, input.from],
        ['to', a.to_date, input.to],
        ['assignedOn', a.assigned_on, input.assignedOn],
        ['meetingId', a.meeting_id, input.meetingId],
      ] as const
    )
      .filter(([, before, after]) => before !== after)
      .map(([k]) => k);
    const ok = await repo.updateAssignmentIfVersion(trx, id, input.version, {
      description: input.description,
      from_date: input.from,
      to_date: input.to,
      assigned_on: input.assignedOn,
      meeting_id: input.meetingId,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'assignment.update', objectType: 'assignment', objectId: id, changedFields: [...changed] });
  });
  return presentAssignment((await repo.findAssignmentInScope(db, ctx.actor, id))!);
}
