import type { Kysely, Transaction } from 'kysely';
import {
  type AssignHelperInput,
  type CandidateDetail,
  type CandidateLimited,
  type CandidateList,
  type CandidateListQuery,
  type CandidateStatus,
  type CandidateView,
  type ChangeCandidateStatusInput,
  type IntroduceCandidateInput,
  OPEN_CANDIDATE_STATUSES,
  type UpdateCandidateInput,
  ZCandidateEventKind,
  ZCandidateStatus,
  ZMassOrganization,
} from '../../../common/contracts/candidates.contract.ts';
import { MEMBER_HOLDING_KINDS, type OrganizationKind } from '../../../common/contracts/organizations.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { validateCitizenId } from '../../../common/rules/citizen-id.ts';
import { isEthnicityCode, RELIGIONS } from '../../../common/rules/ethnicities.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';
import { newPersonRow } from '../people/person-columns.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { grantFor } from '../../policy/policy.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import * as repo from './candidates.repo.ts';
import { canMoveCandidate, isOpenCandidateStatus } from '../../../common/rules/candidate-status.ts';

type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;

const RELIGION_CODES = new Set<string>(RELIGIONS.map((r) => r.code));

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

/**
 * The actor as a reader of candidates: the reach of 'candidate.read' for the role, whatever route is being served.
 * A front officer ('self') sees only the people they introduced, and only the limited view (security.md item 4).
 */
function reader(actor: Actor): Actor {
  return { ...actor, reach: grantFor('candidate.read', actor.role) ?? 'self' };
}
const isLimitedReader = (actor: Actor) => grantFor('candidate.read', actor.role) !== 'subtree';

const statusOf = (s: string): CandidateStatus => ZCandidateStatus.parse(s);

// ---------------------------------------------------------------- reads

export async function listCandidates(db: Db, ctx: Ctx, query: CandidateListQuery): Promise<CandidateList> {
  const actor = reader(ctx.actor);
  const statuses = query.status === 'all' ? undefined : query.status === 'open' ? OPEN_CANDIDATE_STATUSES : [query.status];
  const q = query.q ? normalizeVi(query.q) : undefined;
  const { total, rows } = await repo.listCandidates(db, actor, {
    q: q || undefined,
    statuses,
    organizationId: query.organizationId,
    page: query.page,
    pageSize: query.pageSize,
  });
  const limited = isLimitedReader(ctx.actor);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) =>
      limited
        ? {
            view: 'limited' as const,
            id: r.id,
            fullName: r.full_name,
            organization: { id: r.organization_id, name: r.organization_name },
            status: statusOf(r.status),
            introducedOn: r.introduced_on,
            statusChangedOn: r.status_changed_on,
          }
        : {
            view: 'full' as const,
            id: r.id,
            personId: r.person_id,
            fullName: r.full_name,
            gender: r.gender,
            birthDate: r.birth_date,
            organization: { id: r.organization_id, name: r.organization_name },
            status: statusOf(r.status),
            massOrganization: ZMassOrganization.parse(r.mass_organization),
            introducedOn: r.introduced_on,
            statusChangedOn: r.status_changed_on,
            introducer: r.introducer_name,
            helper: r.helper_name ?? null,
          },
    ),
  };
}

async function loadView(db: Kysely<Database>, actor: Actor, id: number): Promise<CandidateView> {
  const row = await repo.findCandidateInScope(db, reader(actor), id);
  if (!row) throw new DomainError('NOT_FOUND');
  if (isLimitedReader(actor)) {
    const limited: CandidateLimited = {
      view: 'limited',
      id: row.id,
      fullName: row.full_name,
      organization: { id: row.organization_id, name: row.organization_name },
      status: statusOf(row.status),
      introducedOn: row.introduced_on,
      statusChangedOn: row.status_changed_on,
    };
    return limited;
  }
  const events = await repo.listCandidateEvents(db, id);
  const detail: CandidateDetail = {
    view: 'full',
    id: row.id,
    version: row.version,
    status: statusOf(row.status),
    organization: { id: row.organization_id, name: row.organization_name, kind: row.organization_kind },
    person: {
      id: row.person_id,
      fullName: row.full_name,
      gender: row.gender,
      birthDate: row.birth_date,
      birthplace: row.birthplace,
      hometown: row.hometown,
      permanentAddress: row.permanent_address,
      temporaryAddress: row.temporary_address,
      ethnicityCode: row.ethnicity_code,
      religionCode: row.religion_code,
      citizenId: row.citizen_id,
      phone: row.phone,
      generalEducation: row.general_education,
      professionalQualification: row.professional_qualification,
      occupation: row.occupation,
    },
    massOrganization: ZMassOrganization.parse(row.mass_organization),
    massOrganizationName: row.mass_organization_name,
    reason: row.reason,
    introducedOn: row.introduced_on,
    statusChangedOn: row.status_changed_on,
    introducer: { id: row.introduced_by_user_id, displayName: row.introducer_name, role: row.introducer_role },
    helper:
      row.helper_member_id !== null
        ? { memberId: row.helper_member_id, fullName: row.helper_name ?? '', assignedOn: row.helper_assigned_on ?? row.introduced_on }
        : null,
    history: events.map((e) => ({
      id: e.id,
      kind: ZCandidateEventKind.parse(e.kind),
      eventDate: e.event_date,
      fromStatus: e.from_status === null ? null : statusOf(e.from_status),
      toStatus: e.to_status === null ? null : statusOf(e.to_status),
      helper: e.helper_name ?? null,
      note: e.note,
      actor: e.actor_name ?? null,
      createdAt: e.created_at,
    })),
  };
  return detail;
}

/** A candidate's page; reading a person's identity is a sensitive read and is audited (security.md, Audit). */
export async function getCandidate(db: Db, ctx: Ctx, id: number): Promise<CandidateView> {
  const view = await loadView(db, ctx.actor, id);
  if (view.view === 'full') await appendAuditAlone(db, ctx, { action: 'candidate.read', objectType: 'candidate', objectId: id });
  return view;
}

export async function listHelperOptions(db: Db, ctx: Ctx, id: number) {
  const row = await repo.findCandidateInScope(db, reader(ctx.actor), id);
  if (!row) throw new DomainError('NOT_FOUND');
  const members = await repo.listOfficialMembersOfCell(db, row.organization_id);
  return { items: members.map((m) => ({ memberId: m.id, fullName: m.full_name, birthDate: m.birth_date })) };
}

export async function searchPersonOptions(db: Db, ctx: Ctx, q: string) {
  const rows = await repo.searchReintroducible(db, reader(ctx.actor), normalizeVi(q));
  return {
    items: rows.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      lastStatus: r.status,
      organizationName: r.organization_name,
    })),
  };
}

// ---------------------------------------------------------------- changes

/**
 * One transaction per change, the audit-chain lock taken first so that on PostgreSQL two changes never interleave
 * (the house pattern of organizations.service.ts); unique violations become codes.
 */
async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      return work(trx);
    });
  } catch (err) {
    const unique = err instanceof DomainError ? null : isUniqueViolation(err);
    if (unique) {
      const where = `${unique.constraint ?? ''} ${unique.detail ?? ''}`;
      if (/citizen_id/.test(where)) throw new DomainError('DUPLICATE_CITIZEN_ID');
      if (/candidates/.test(where)) throw new DomainError('CANDIDATE_ALREADY_OPEN');
    }
    throw err;
  }
}

function checkNotFuture(path: string, date: string, today: string): FieldIssue | null {
  return date > today ? { path, code: 'DATE_IN_FUTURE' } : null;
}

/** A new person from the introduction form, validated like the people module does (CCCD, ethnicity, religion). */
async function createPerson(trx: Trx, ctx: Ctx, p: Extract<IntroduceCandidateInput, { person: unknown }>['person'], today: string) {
  const issues: FieldIssue[] = [];
  if (p.birthDate > today) issues.push({ path: 'person.birthDate', code: 'BIRTH_DATE_IN_FUTURE' });
  if (!isEthnicityCode(p.ethnicityCode)) issues.push({ path: 'person.ethnicityCode', code: 'UNKNOWN_ETHNICITY' });
  if (!RELIGION_CODES.has(p.religionCode)) issues.push({ path: 'person.religionCode', code: 'UNKNOWN_RELIGION' });
  if (p.citizenId !== null) {
    const r = validateCitizenId(p.citizenId, { birthDate: p.birthDate, gender: p.gender });
    if (!r.ok) issues.push({ path: 'person.citizenId', code: r.code });
  }
  if (issues.length) invalid(...issues);
  // A citizen id already on file: refused without naming whose it is (a front officer may not learn of other records).
  if (p.citizenId !== null && (await repo.findPersonByCitizenId(trx, p.citizenId))) throw new DomainError('DUPLICATE_CITIZEN_ID');
  const at = ctx.now.toISOString();
  const created = await repo.insertPerson(trx, newPersonRow({ ...p, fullName: p.fullName.normalize('NFC') }, at));
  return created.id;
}

/** An existing person: reachable by the actor, not an active member, without an open candidacy. */
async function checkExistingPerson(trx: Trx, ctx: Ctx, personId: number) {
  const person = await repo.findPersonById(trx, personId);
  if (!person || !(await repo.isPersonReachable(trx, reader(ctx.actor), personId))) {
    throw new DomainError('NOT_FOUND', {}, [{ path: 'personId', code: 'not_found' }]);
  }
  const membership = await repo.findMembershipOfPerson(trx, personId);
  if (membership && repo.isActiveMemberStatus(membership.status)) throw new DomainError('PERSON_IS_MEMBER');
  if (await repo.findOpenCandidacyOfPerson(trx, personId)) throw new DomainError('CANDIDATE_ALREADY_OPEN');
  return person;
}

/** The cell a candidate is introduced to: in the actor's subtree (else 404 naming the field), active, a cell. */
async function loadCell(trx: Trx, actor: Actor, organizationId: number) {
  const cell = await repo.findOrganizationInSubtree(trx, actor, organizationId);
  if (!cell) throw new DomainError('NOT_FOUND', {}, [{ path: 'organizationId', code: 'not_found' }]);
  if (cell.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: cell.id, validTo: cell.valid_to });
  if (!MEMBER_HOLDING_KINDS.includes(cell.kind as OrganizationKind)) invalid({ path: 'organizationId', code: 'NOT_A_CELL' });
  return cell;
}

export async function introduceCandidate(db: Db, ctx: Ctx, input: IntroduceCandidateInput): Promise<CandidateView> {
  const today = todayInVietnam(ctx.now);
  const id = await inTransaction(db, async (trx) => {
    await loadCell(trx, ctx.actor, input.organizationId);
    const dateIssue = checkNotFuture('introducedOn', input.introducedOn, today);
    if (dateIssue) invalid(dateIssue);
    let personId: number;
    let birthDate: string;
    if ('personId' in input) {
      const person = await checkExistingPerson(trx, ctx, input.personId);
      personId = person.id;
      birthDate = person.birth_date;
    } else {
      personId = await createPerson(trx, ctx, input.person, today);
      birthDate = input.person.birthDate;
    }
    if (input.introducedOn < birthDate) invalid({ path: 'introducedOn', code: 'DATE_BEFORE_BIRTH' });
    const at = ctx.now.toISOString();
    const created = await repo.insertCandidate(trx, {
      person_id: personId,
      organization_id: input.organizationId,
      mass_organization: input.massOrganization,
      mass_organization_name: input.massOrganizationName,
      reason: input.reason,
      introduced_on: input.introducedOn,
      introduced_by_user_id: ctx.actor.userId,
      status: 'introduced',
      status_changed_on: input.introducedOn,
      helper_member_id: null,
      helper_assigned_on: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await repo.insertCandidateEvent(trx, {
      candidate_id: created.id,
      kind: 'introduced',
      event_date: input.introducedOn,
      from_status: null,
      to_status: 'introduced',
      helper_member_id: null,
      note: null,
      actor_user_id: ctx.actor.userId,
      created_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'candidate.introduce',
      objectType: 'candidate',
      objectId: created.id,
      changedFields: [
        ...('personId' in input ? ['personId'] : ['person']),
        'organizationId',
        'massOrganization',
        'massOrganizationName',
        'reason',
        'introducedOn',
        'status',
      ],
    });
    return created.id;
  });
  return loadView(db, ctx.actor, id);
}

/** A candidacy in the actor's scope for a change, compared against the version the client read. */
async function loadForChange(trx: Trx, actor: Actor, id: number, version: number) {
  const row = await repo.findCandidateInScope(trx, reader(actor), id);
  if (!row) throw new DomainError('NOT_FOUND');
  if (row.version !== version) throw new DomainError('CONFLICT', { id, version: row.version });
  return row;
}

async function compareAndSet(trx: Trx, id: number, version: number, patch: Parameters<typeof repo.updateCandidateIfVersion>[3]) {
  if (!(await repo.updateCandidateIfVersion(trx, id, version, patch))) throw new DomainError('CONFLICT', { id });
}

export async function updateCandidate(db: Db, ctx: Ctx, id: number, input: UpdateCandidateInput): Promise<CandidateView> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const row = await loadForChange(trx, ctx.actor, id, input.version);
    const issues = [
      checkNotFuture('introducedOn', input.introducedOn, today),
      input.introducedOn < row.birth_date ? { path: 'introducedOn', code: 'DATE_BEFORE_BIRTH' } : null,
    ].filter((i): i is FieldIssue => i !== null);
    if (issues.length) invalid(...issues);
    const before: Record<string, unknown> = {
      massOrganization: row.mass_organization,
      massOrganizationName: row.mass_organization_name,
      reason: row.reason,
      introducedOn: row.introduced_on,
    };
    const after: Record<string, unknown> = {
      massOrganization: input.massOrganization,
      massOrganizationName: input.massOrganizationName,
      reason: input.reason,
      introducedOn: input.introducedOn,
    };
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) invalid({ path: 'reason', code: 'unchanged' });
    const at = ctx.now.toISOString();
    await compareAndSet(trx, id, input.version, {
      mass_organization: input.massOrganization,
      mass_organization_name: input.massOrganizationName,
      reason: input.reason,
      introduced_on: input.introducedOn,
      // The status date of a candidacy still 'introduced' is its introduction date.
      ...(row.status === 'introduced' ? { status_changed_on: input.introducedOn } : {}),
      updated_at: at,
    });
    await repo.insertCandidateEvent(trx, {
      candidate_id: id,
      kind: 'updated',
      event_date: today,
      from_status: null,
      to_status: null,
      helper_member_id: null,
      note: changed.join(', '),
      actor_user_id: ctx.actor.userId,
      created_at: at,
    });
    await appendAudit(trx, ctx, { action: 'candidate.update', objectType: 'candidate', objectId: id, changedFields: changed });
  });
  return loadView(db, ctx.actor, id);
}

/** The cell assigns one of its official members to help the candidate; anyone else is refused with a code. */
export async function assignHelper(db: Db, ctx: Ctx, id: number, input: AssignHelperInput): Promise<CandidateView> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const row = await loadForChange(trx, ctx.actor, id, input.version);
    if (!isOpenCandidateStatus(statusOf(row.status))) throw new DomainError('INVALID_STATUS_TRANSITION', { status: row.status });
    const issues = [
      checkNotFuture('assignedOn', input.assignedOn, today),
      input.assignedOn < row.introduced_on ? { path: 'assignedOn', code: 'BEFORE_INTRODUCTION' } : null,
    ].filter((i): i is FieldIssue => i !== null);
    if (issues.length) invalid(...issues);
    // Same answer whether the member is elsewhere, unknown or not official: nothing leaks about other cells.
    const helper = await repo.findMemberOfCell(trx, input.memberId, row.organization_id);
    if (!helper || helper.status !== 'official') throw new DomainError('HELPER_NOT_OFFICIAL_MEMBER', { memberId: input.memberId });
    if (helper.person_id === row.person_id) throw new DomainError('HELPER_NOT_OFFICIAL_MEMBER', { memberId: input.memberId });
    const at = ctx.now.toISOString();
    await compareAndSet(trx, id, input.version, { helper_member_id: helper.id, helper_assigned_on: input.assignedOn, updated_at: at });
    await repo.insertCandidateEvent(trx, {
      candidate_id: id,
      kind: 'helper_assigned',
      event_date: input.assignedOn,
      from_status: null,
      to_status: null,
      helper_member_id: helper.id,
      note: null,
      actor_user_id: ctx.actor.userId,
      created_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'candidate.assign_helper',
      objectType: 'candidate',
      objectId: id,
      changedFields: ['helperMemberId', 'helperAssignedOn'],
    });
  });
  return loadView(db, ctx.actor, id);
}

export async function changeCandidateStatus(db: Db, ctx: Ctx, id: number, input: ChangeCandidateStatusInput): Promise<CandidateView> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const row = await loadForChange(trx, ctx.actor, id, input.version);
    const issue = checkNotFuture('date', input.date, today);
    if (issue) invalid(issue);
    await recordCandidateStatus(trx, ctx, { candidateId: id, version: row.version, status: input.status, date: input.date, note: input.note });
    await appendAudit(trx, ctx, { action: 'candidate.change_status', objectType: 'candidate', objectId: id, changedFields: ['status', 'statusChangedOn'] });
  });
  return loadView(db, ctx.actor, id);
}

/**
 * Moves a candidacy to another status inside the caller's transaction: the transition table, a compare-and-set on
 * `version` and an event on the status history. Writes NO audit row: the caller's change (an admission step, an
 * enrolment) writes the one audit row of its transaction. Used by the admission module ('applied', 'admitted',
 * 'not_admitted') and by training (enrolment in a party-awareness class → 'in_training'). No scope check here:
 * the caller has already loaded its own record within scope.
 */
export async function recordCandidateStatus(
  trx: Kysely<Database>,
  ctx: Ctx,
  change: { candidateId: number; version?: number; status: CandidateStatus; date: string; note?: string | null },
): Promise<void> {
  const row = await repo.findCandidate(trx, change.candidateId);
  if (!row) throw new DomainError('NOT_FOUND');
  const version = change.version ?? row.version;
  const from = statusOf(row.status);
  if (!canMoveCandidate(from, change.status)) throw new DomainError('INVALID_STATUS_TRANSITION', { from, to: change.status });
  if (change.date < row.status_changed_on) invalid({ path: 'date', code: 'BEFORE_LAST_STATUS' });
  const at = ctx.now.toISOString();
  if (!(await repo.updateCandidateIfVersion(trx, row.id, version, { status: change.status, status_changed_on: change.date, updated_at: at }))) {
    throw new DomainError('CONFLICT', { id: row.id });
  }
  await repo.insertCandidateEvent(trx, {
    candidate_id: row.id,
    kind: 'status_changed',
    event_date: change.date,
    from_status: from,
    to_status: change.status,
    helper_member_id: null,
    note: change.note ?? null,
    actor_user_id: ctx.actor.userId,
    created_at: at,
  });
}
