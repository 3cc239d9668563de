import type { Kysely } from 'kysely';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import {
  type CreateExemptionInput,
  type Exemption,
  type ExemptionList,
  type UpdateExemptionInput,
  ZExemptionReason,
  ZRequestKind,
} from '../../../common/contracts/party-life.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { checkExemption } from '../../../common/rules/exemption-rules.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { refreshAttendanceExpectations } from '../meetings/attendance-expectations.ts';
import * as cells from '../meetings/cells.repo.ts';
import { type Ctx, inTransaction, loadCell } from '../meetings/meetings.service.ts';
import type { ExemptFrom } from './exemption-facts.ts';
import * as repo from './exemptions.repo.ts';

const RULE = 'R-MGT-02';

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

const isActiveOn = (e: { from_date: string; to_date: string | null }, day: string) => e.from_date <= day && (e.to_date === null || day <= e.to_date);

export function presentExemption(e: repo.ExemptionWithNames, today: string): Exemption {
  return {
    id: e.id,
    member: { id: e.member_id, fullName: e.full_name },
    organization: { id: e.organization_id, name: e.organization_name },
    reason: ZExemptionReason.parse(e.reason),
    note: e.note,
    requestKind: ZRequestKind.parse(e.request_kind),
    requestedOn: e.requested_on,
    decidedOn: e.decided_on,
    decisionRef: e.decision_ref,
    from: e.from_date,
    to: e.to_date,
    fromActivities: e.from_activities === 1,
    fromWork: e.from_work === 1,
    superiorInformedOn: e.superior_informed_on,
    active: isActiveOn(e, today),
    version: e.version,
  };
}

// The codes of checkExemption (common/rules/exemption-rules.ts) and the form field each belongs to. The superior not
// yet informed is not a refusal: the cell records the exemption first and the date it informed the superior later.
const FIELD_OF_CODE: Record<string, string | null> = {
  exemption_reason_unknown: 'reason',
  exemption_note_required: 'note',
  exemption_decision_required: 'decisionRef',
  exemption_date_invalid: 'from',
  exemption_decided_before_request: 'decidedOn',
  exemption_period_reversed: 'to',
  exemption_superior_not_informed: null,
};

type ExemptionFields = Omit<CreateExemptionInput, 'memberId'>;

/** R-MGT-02 as a list of field issues (each naming the rule), empty when the exemption may be recorded. */
async function checkFields(trx: Kysely<Database>, memberId: number, input: ExemptionFields, today: string, selfId: number | null): Promise<FieldIssue[]> {
  const params = { rule: RULE };
  const issues: FieldIssue[] = [];
  if (input.decidedOn === null) issues.push({ path: 'decidedOn', code: 'exemption_decision_date_required', params });
  if (!input.fromActivities && !input.fromWork) issues.push({ path: 'fromActivities', code: 'exemption_scope_required', params });
  if (input.requestedOn > today) issues.push({ path: 'requestedOn', code: 'date_in_future', params: { today } });
  if (input.decidedOn !== null && input.decidedOn > today) issues.push({ path: 'decidedOn', code: 'date_in_future', params: { today } });
  if (input.superiorInformedOn !== null) {
    if (input.superiorInformedOn > today) issues.push({ path: 'superiorInformedOn', code: 'date_in_future', params: { today } });
    else if (input.decidedOn !== null && input.superiorInformedOn < input.decidedOn) issues.push({ path: 'superiorInformedOn', code: 'before_decision', params });
  }
  // The rule judges the rest; a missing decision date is already named above, so it stands in as the request date.
  for (const c of checkExemption({
    memberId,
    reason: input.reason,
    note: input.note ?? undefined,
    requestKind: input.requestKind,
    requestedOn: input.requestedOn,
    decidedOn: input.decidedOn ?? input.requestedOn,
    decisionRef: input.decisionRef ?? '',
    superiorInformedOn: input.superiorInformedOn,
    from: input.from,
    to: input.to,
  })) {
    const path = FIELD_OF_CODE[c.code];
    if (!c.ok && path) issues.push({ path, code: c.code, params: { rule: c.ruleId } });
  }
  // One exemption at a time: a second one over the same days is a duplicate record (extend or end the first instead).
  const others = (await repo.listExemptionsOfMembers(trx, [memberId])).filter((e) => e.id !== selfId);
  const overlap = others.find((e) => e.from_date <= (input.to ?? '9999-12-31') && input.from <= (e.to_date ?? '9999-12-31'));
  if (overlap) issues.push({ path: 'from', code: 'exemption_overlaps', params: { rule: RULE, from: overlap.from_date, to: overlap.to_date } });
  return issues;
}

function rowFields(input: ExemptionFields) {
  return {
    reason: input.reason,
    note: input.note,
    request_kind: input.requestKind,
    requested_on: input.requestedOn,
    decided_on: input.decidedOn!,
    decision_ref: input.decisionRef!,
    from_date: input.from,
    to_date: input.to,
    from_activities: input.fromActivities ? 1 : 0,
    from_work: input.fromWork ? 1 : 0,
    superior_informed_on: input.superiorInformedOn,
  };
}

/** R-MGT-02: the cell decides on a member's request; from then the member drops out of what the exemption covers. */
export async function createExemption(db: Db, ctx: Ctx, cellId: number, input: CreateExemptionInput): Promise<Exemption> {
  const today = todayInVietnam(ctx.now);
  const id = await inTransaction(db, async (trx) => {
    const cell = await loadCell(trx, ctx.actor, cellId);
    const members = await cells.listActiveCellMembers(trx, cell.id);
    if (!members.some((m) => m.id === input.memberId)) invalid({ path: 'memberId', code: 'not_in_cell', params: { rule: RULE } });
    const issues = await checkFields(trx, input.memberId, input, today, null);
    if (issues.length) invalid(...issues);
    const at = ctx.now.toISOString();
    const id = await repo.insertExemption(trx, {
      member_id: input.memberId,
      organization_id: cell.id,
      ...rowFields(input),
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await refreshAttendanceExpectations(trx, input.memberId);
    await appendAudit(trx, ctx, {
      action: 'exemption.create',
      objectType: 'exemption',
      objectId: id,
      changedFields: ['memberId', ...Object.keys(input).filter((k) => k !== 'memberId')],
    });
    return id;
  });
  return presentExemption((await repo.findExemptionInScope(db, ctx.actor, id))!, today);
}

const COLUMN_OF: Record<keyof ExemptionFields, keyof repo.ExemptionRow> = {
  reason: 'reason',
  note: 'note',
  requestKind: 'request_kind',
  requestedOn: 'requested_on',
  decidedOn: 'decided_on',
  decisionRef: 'decision_ref',
  from: 'from_date',
  to: 'to_date',
  fromActivities: 'from_activities',
  fromWork: 'from_work',
  superiorInformedOn: 'superior_informed_on',
};

/** Corrections, the end of the period (set `to`), the date the superior was informed: compare-and-set on version. */
export async function updateExemption(db: Db, ctx: Ctx, id: number, input: UpdateExemptionInput): Promise<Exemption> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const e = await repo.findExemptionInScope(trx, ctx.actor, id);
    if (!e) throw new DomainError('NOT_FOUND');
    if (e.version !== input.version) throw new DomainError('CONFLICT', { id, version: e.version });
    const { version, ...fields } = input;
    const issues = await checkFields(trx, e.member_id, fields, today, e.id);
    if (issues.length) invalid(...issues);
    const next = rowFields(fields);
    const changed = (Object.keys(COLUMN_OF) as (keyof ExemptionFields)[]).filter((k) => next[COLUMN_OF[k] as keyof typeof next] !== e[COLUMN_OF[k]]);
    if (!(await repo.updateExemptionIfVersion(trx, id, version, { ...next, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
    await refreshAttendanceExpectations(trx, e.member_id);
    await appendAudit(trx, ctx, { action: 'exemption.update', objectType: 'exemption', objectId: id, changedFields: changed });
  });
  return presentExemption((await repo.findExemptionInScope(db, ctx.actor, id))!, today);
}

/**
 * Exemptions decided by a cell ('cell'), or by every cell under an organization ('subtree': the superior's view of
 * "exemptions in my subtree", with the day each cell informed it).
 */
export async function listExemptions(
  db: Db,
  ctx: Ctx,
  organizationId: number,
  query: { within: 'cell' | 'subtree'; state: 'active' | 'all' },
): Promise<ExemptionList> {
  const org = query.within === 'cell' ? await loadCell(db, ctx.actor, organizationId) : await cells.findOrganizationInScope(db, ctx.actor, organizationId);
  if (!org) throw new DomainError('NOT_FOUND');
  const today = todayInVietnam(ctx.now);
  const rows = await repo.listExemptions(db, {
    organizationId: org.id,
    path: org.path,
    within: query.within,
    activeOn: query.state === 'active' ? today : undefined,
  });
  return { organization: { id: org.id, name: org.name }, items: rows.map((r) => presentExemption(r, today)) };
}

// ---------------------------------------------------------------- for other modules (admission, grading, screening)

/**
 * R-MGT-02 / R-GRD-02: whether the member is exempted on `date`. `from` narrows to exemptions from activities (vote
 * bases, meeting attendance) or from work (assignments); 'any' (default) is what grading asks. No scope: the caller
 * has already checked the member is in the actor's scope.
 */
export function isMemberExemptOn(db: Kysely<Database>, memberId: number, date: string, from: ExemptFrom = 'any'): Promise<boolean> {
  return repo.hasExemptionOn(db, memberId, date, from);
}

/** R-MGT-02: ids of the cell's active members exempted on `date` (to leave out of vote bases and grading). */
export function exemptMemberIdsOn(db: Kysely<Database>, cellId: number, date: string, from: ExemptFrom = 'any'): Promise<number[]> {
  return repo.exemptMemberIdsOfCellOn(db, cellId, date, from, ACTIVE_STATUSES);
}
