import type { Kysely } from 'kysely';
import {
  type CellResidence,
  type CreateOpinionInput,
  type CreateRegistrationInput,
  type Registration,
  type ResidenceOpinion,
  type UpdateOpinionInput,
  type UpdateRegistrationInput,
  ZResidenceRating,
} from '../../../common/contracts/party-life.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { addDays, parseIsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as cells from '../meetings/cells.repo.ts';
import { type Ctx, inTransaction, loadCell } from '../meetings/meetings.service.ts';
import * as repo from './residence.repo.ts';

const RULE = 'R-MGT-07';

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

type OpinionRow = Awaited<ReturnType<typeof repo.listOpinionsOfMember>>[number];

function presentOpinion(o: OpinionRow): ResidenceOpinion {
  return {
    id: o.id,
    registrationId: o.registration_id,
    memberId: o.member_id,
    year: o.year,
    rating: ZResidenceRating.parse(o.rating),
    comments: o.comments,
    givenOn: o.given_on,
    givenBy: o.given_by,
    version: o.version,
  };
}

/** Registrations with their opinions (one query for all the opinions). */
export async function presentRegistrations(db: Kysely<Database>, rows: repo.RegistrationWithNames[]): Promise<Registration[]> {
  const opinions = await repo.listOpinionsOfRegistrations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    member: { id: r.member_id, fullName: r.full_name, organization: { id: r.member_organization_id, name: r.member_organization_name } },
    residenceOrganization: r.residence_organization_id === null ? null : { id: r.residence_organization_id, name: r.residence_organization_name ?? '' },
    residenceCellName: r.residence_cell_name,
    residenceAddress: r.residence_address,
    registeredOn: r.registered_on,
    endedOn: r.ended_on,
    opinions: opinions.filter((o) => o.registration_id === r.id).map(presentOpinion),
    version: r.version,
  }));
}

/**
 * R-MGT-07 for a cell: where its members are registered, who is not registered, and the members of other cells who
 * live here and get their yearly opinion from this cell (name and working cell only).
 */
export async function getCellResidence(db: Db, ctx: Ctx, cellId: number): Promise<CellResidence> {
  const cell = await loadCell(db, ctx.actor, cellId);
  const today = todayInVietnam(ctx.now);
  const [members, ofMembers, atThisCell] = await Promise.all([
    cells.listActiveCellMembers(db, cell.id),
    repo.listRegistrationsOfCellMembers(db, cell.id),
    repo.listRegistrationsAtCell(db, cell.id),
  ]);
  const registered = await repo.registeredMemberIdsOn(
    db,
    members.map((m) => m.id),
    today,
  );
  return {
    cell: { id: cell.id, name: cell.name },
    ofMembers: await presentRegistrations(db, ofMembers),
    atThisCell: await presentRegistrations(
      db,
      atThisCell.filter((r) => r.member_organization_id !== cell.id),
    ),
    unregistered: members.filter((m) => !registered.has(m.id)).map((m) => ({ id: m.id, fullName: m.full_name })),
  };
}

/** The residence cell: one in the system (any cell: it is named, not opened) or one outside it, by name. */
async function checkResidence(
  trx: Kysely<Database>,
  input: Pick<CreateRegistrationInput, 'residenceOrganizationId' | 'residenceCellName' | 'registeredOn'>,
  memberCellId: number,
  today: string,
) {
  const issues: FieldIssue[] = [];
  if (input.residenceOrganizationId === null && input.residenceCellName === null) {
    issues.push({ path: 'residenceOrganizationId', code: 'residence_cell_required', params: { rule: RULE } });
  }
  if (input.residenceOrganizationId !== null) {
    const org = await cells.findOrganizationById(trx, input.residenceOrganizationId);
    if (!org || !cells.isCellKind(org.kind)) issues.push({ path: 'residenceOrganizationId', code: 'not_a_cell' });
    else if (org.valid_to !== null && org.valid_to <= input.registeredOn) issues.push({ path: 'residenceOrganizationId', code: 'organization_not_active' });
    else if (org.id === memberCellId) issues.push({ path: 'residenceOrganizationId', code: 'same_as_member_cell', params: { rule: RULE } });
  }
  if (input.registeredOn > today) issues.push({ path: 'registeredOn', code: 'date_in_future', params: { today } });
  return issues;
}

async function loadRegistration(db: Kysely<Database>, actor: Actor, id: number) {
  const r = await repo.findRegistrationForActor(db, actor, id);
  if (!r) throw new DomainError('NOT_FOUND');
  return r;
}

const isMemberSide = (actor: Actor, r: { member_org_path: string }) => r.member_org_path.startsWith(actor.orgPath);

/**
 * R-MGT-07: the member's cell registers them with their residence cell. A new registration closes the open one the
 * day before (the member moved house): one registration at a time.
 */
export async function createRegistration(db: Db, ctx: Ctx, input: CreateRegistrationInput): Promise<Registration> {
  const id = await inTransaction(db, async (trx) => {
    const member = await cells.findMemberInScope(trx, ctx.actor, input.memberId);
    if (!member || ctx.actor.reach === 'self') throw new DomainError('NOT_FOUND', {}, [{ path: 'memberId', code: 'not_found' }]);
    const issues = await checkResidence(trx, input, member.organization_id, todayInVietnam(ctx.now));
    const open = await repo.listOpenRegistrationsOfMember(trx, member.id);
    const later = open.find((o) => o.registered_on >= input.registeredOn);
    if (later) issues.push({ path: 'registeredOn', code: 'not_after_current_registration', params: { registeredOn: later.registered_on } });
    if (issues.length) invalid(...issues);
    const at = ctx.now.toISOString();
    for (const o of open) {
      if (!(await repo.updateRegistrationIfVersion(trx, o.id, o.version, { ended_on: addDays(input.registeredOn, -1), updated_at: at }))) {
        throw new DomainError('CONFLICT', { id: o.id });
      }
    }
    const id = await repo.insertRegistration(trx, {
      member_id: member.id,
      residence_organization_id: input.residenceOrganizationId,
      residence_cell_name: input.residenceOrganizationId === null ? input.residenceCellName : null,
      residence_address: input.residenceAddress,
      registered_on: input.registeredOn,
      ended_on: null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'residence.register',
      objectType: 'residence_registration',
      objectId: id,
      changedFields: ['memberId', 'residenceOrganizationId', 'residenceCellName', 'residenceAddress', 'registeredOn', ...(open.length ? ['previousEndedOn'] : [])],
    });
    return id;
  });
  return (await presentRegistrations(db, [await loadRegistration(db, ctx.actor, id)]))[0];
}

export async function updateRegistration(db: Db, ctx: Ctx, id: number, input: UpdateRegistrationInput): Promise<Registration> {
  await inTransaction(db, async (trx) => {
    const r = await loadRegistration(trx, ctx.actor, id);
    // Only the member's side keeps the registration; the residence cell gives opinions on it.
    if (!isMemberSide(ctx.actor, r)) throw new DomainError('NOT_FOUND');
    if (r.version !== input.version) throw new DomainError('CONFLICT', { id, version: r.version });
    const issues = await checkResidence(trx, input, r.member_organization_id, todayInVietnam(ctx.now));
    if (input.endedOn !== null && input.endedOn < input.registeredOn) issues.push({ path: 'endedOn', code: 'before_registration' });
    if (issues.length) invalid(...issues);
    const next = {
      residence_organization_id: input.residenceOrganizationId,
      residence_cell_name: input.residenceOrganizationId === null ? input.residenceCellName : null,
      residence_address: input.residenceAddress,
      registered_on: input.registeredOn,
      ended_on: input.endedOn,
    };
    const names: Record<keyof typeof next, string> = {
      residence_organization_id: 'residenceOrganizationId',
      residence_cell_name: 'residenceCellName',
      residence_address: 'residenceAddress',
      registered_on: 'registeredOn',
      ended_on: 'endedOn',
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== r[k]).map((k) => names[k]);
    if (!(await repo.updateRegistrationIfVersion(trx, id, input.version, { ...next, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'residence.update_registration', objectType: 'residence_registration', objectId: id, changedFields: changed });
  });
  return (await presentRegistrations(db, [await loadRegistration(db, ctx.actor, id)]))[0];
}

function checkOpinion(input: CreateOpinionInput, r: { registered_on: string; ended_on: string | null }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.givenOn > today) issues.push({ path: 'givenOn', code: 'date_in_future', params: { today } });
  if (parseIsoDate(input.givenOn).y < input.year) issues.push({ path: 'givenOn', code: 'before_year_opinion', params: { year: input.year } });
  const inRegistration = r.registered_on <= `${input.year}-12-31` && (r.ended_on === null || r.ended_on >= `${input.year}-01-01`);
  if (!inRegistration) issues.push({ path: 'year', code: 'outside_registration', params: { rule: RULE, registeredOn: r.registered_on, endedOn: r.ended_on } });
  return issues;
}

async function saveOpinion<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) {
      throw new DomainError('VALIDATION', {}, [{ path: 'year', code: 'opinion_exists_for_year', params: { rule: RULE } }]);
    }
    throw err;
  }
}

/** R-MGT-07: the residence cell's yearly opinion, recorded by either side (the member's cell may file the paper it received). */
export async function createOpinion(db: Db, ctx: Ctx, registrationId: number, input: CreateOpinionInput): Promise<ResidenceOpinion> {
  const id = await saveOpinion(() =>
    inTransaction(db, async (trx) => {
      const r = await loadRegistration(trx, ctx.actor, registrationId);
      const issues = checkOpinion(input, r, todayInVietnam(ctx.now));
      if (await repo.findOpinionOfMemberYear(trx, r.member_id, input.year)) issues.push({ path: 'year', code: 'opinion_exists_for_year', params: { rule: RULE } });
      if (issues.length) invalid(...issues);
      const at = ctx.now.toISOString();
      const id = await repo.insertOpinion(trx, {
        registration_id: r.id,
        member_id: r.member_id,
        year: input.year,
        rating: input.rating,
        comments: input.comments,
        given_on: input.givenOn,
        given_by: input.givenBy,
        version: 1,
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      });
      await appendAudit(trx, ctx, {
        action: 'residence.opinion',
        objectType: 'residence_opinion',
        objectId: id,
        changedFields: ['year', 'rating', 'comments', 'givenOn', 'givenBy'],
      });
      return id;
    }),
  );
  return presentOpinion((await repo.findOpinion(db, id))!);
}

export async function updateOpinion(db: Db, ctx: Ctx, id: number, input: UpdateOpinionInput): Promise<ResidenceOpinion> {
  await saveOpinion(() =>
    inTransaction(db, async (trx) => {
      const o = await repo.findOpinion(trx, id);
      if (!o) throw new DomainError('NOT_FOUND');
      const r = await loadRegistration(trx, ctx.actor, o.registration_id);
      if (o.version !== input.version) throw new DomainError('CONFLICT', { id, version: o.version });
      const issues = checkOpinion(input, r, todayInVietnam(ctx.now));
      if (input.year !== o.year && (await repo.findOpinionOfMemberYear(trx, o.member_id, input.year))) {
        issues.push({ path: 'year', code: 'opinion_exists_for_year', params: { rule: RULE } });
      }
      if (issues.length) invalid(...issues);
      const next = { year: input.year, rating: input.rating, comments: input.comments, given_on: input.givenOn, given_by: input.givenBy };
      const names = { year: 'year', rating: 'rating', comments: 'comments', given_on: 'givenOn', given_by: 'givenBy' } as const;
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== o[k]).map((k) => names[k]);
      if (!(await repo.updateOpinionIfVersion(trx, id, input.version, { ...next, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
      await appendAudit(trx, ctx, { action: 'residence.update_opinion', objectType: 'residence_opinion', objectId: id, changedFields: changed });
    }),
  );
  return presentOpinion((await repo.findOpinion(db, id))!);
}

// ---------------------------------------------------------------- for other modules (grading, screening)

/**
 * R-MGT-07 / R-RMV-06: the residence cell's yearly opinions on the member, oldest first (grading reads the year it
 * grades; screening surfaces 'low'). No scope: the caller has already checked the member is in the actor's scope.
 */
export async function residenceOpinions(db: Kysely<Database>, memberId: number): Promise<ResidenceOpinion[]> {
  return (await repo.listOpinionsOfMember(db, memberId)).map(presentOpinion);
}
