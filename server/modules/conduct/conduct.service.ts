import type { Kysely, Transaction } from 'kysely';
import {
  type CreateFrontOpinionInput,
  type CreateViolationInput,
  FORMS_OF_KIND,
  type FrontOpinion,
  isFormOfKind,
  type MemberConduct,
  type PartyDiscipline,
  type UpdateFrontOpinionInput,
  type UpdateViolationInput,
  type ViolationRecord,
  type YearConduct,
  ZFrontRating,
  ZPartyDisciplineOutcome,
  ZViolationForm,
  ZViolationKind,
} from '../../../common/contracts/conduct.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { parseIsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import * as repo from './conduct.repo.ts';

// A member's conduct outside party discipline (issue 5 item 2; rules.md R-RMV-06, R-DIS-07): violations of state
// discipline or of the law, recorded by the cell from the deciding body's document, and the Fatherland Front's yearly
// opinion (Quy định 124-QĐ/TW 2018). Each change is one transaction: the audit-chain lock, the row read in scope, the
// checks, a compare-and-set on the version and one audit row. Screening and grading read them (conductOfYear).

export type Ctx = RequestContext & { actor: Actor };
type Q = Kysely<Database>;
type Trx = Transaction<Database>;

function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    return work(trx);
  });
}

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

const today = (ctx: Pick<RequestContext, 'now'>) => todayInVietnam(ctx.now);

/** Names of the changed fields for the audit row (values are never logged). */
function changedFields<R, K extends keyof R & string>(before: R, next: Pick<R, K>, names: Record<K, string>): string[] {
  return (Object.keys(names) as K[]).filter((k) => next[k] !== before[k]).map((k) => names[k]);
}

// ---------------------------------------------------------------- presenting

function presentViolation(v: repo.ViolationRow): ViolationRecord {
  return {
    id: v.id,
    memberId: v.member_id,
    organization: { id: v.organization_id, name: v.organization_name },
    kind: ZViolationKind.parse(v.kind),
    decidedOn: v.decided_on,
    decidedBy: v.decided_by,
    reference: v.reference,
    form: ZViolationForm.parse(v.form),
    description: v.description,
    version: v.version,
  };
}

function presentFrontOpinion(f: repo.FrontOpinionRow): FrontOpinion {
  return {
    id: f.id,
    memberId: f.member_id,
    organization: { id: f.organization_id, name: f.organization_name },
    year: f.year,
    rating: ZFrontRating.parse(f.rating),
    comments: f.comments,
    givenOn: f.given_on,
    givenBy: f.given_by,
    version: f.version,
  };
}

function presentDiscipline(r: repo.ReferralRow): PartyDiscipline {
  return {
    referralId: r.id,
    referredOn: r.referred_on,
    reference: r.reference,
    description: r.description,
    status: r.concluded_on === null ? 'pending' : 'concluded',
    concludedOn: r.concluded_on,
    outcome: r.outcome === null ? null : ZPartyDisciplineOutcome.parse(r.outcome),
    conclusionRef: r.conclusion_ref,
  };
}

// ---------------------------------------------------------------- checks

/** The decision is in the past, and its form is one of its kind's (FORMS_OF_KIND). */
function checkViolation(input: CreateViolationInput, day: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.decidedOn > day) issues.push({ path: 'decidedOn', code: 'date_in_future', params: { today: day } });
  if (!isFormOfKind(input.kind, input.form)) {
    issues.push({ path: 'form', code: 'violation_form_not_of_kind', params: { kind: input.kind, form: input.form, allowed: FORMS_OF_KIND[input.kind].join(', ') } });
  }
  return issues;
}

/** An opinion is about a year up to the current one, given in or after that year and not after today. */
function checkFrontOpinion(input: CreateFrontOpinionInput, day: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const currentYear = parseIsoDate(day).y;
  if (input.year > currentYear) issues.push({ path: 'year', code: 'year_after_current', params: { year: currentYear } });
  if (input.givenOn > day) issues.push({ path: 'givenOn', code: 'date_in_future', params: { today: day } });
  else if (parseIsoDate(input.givenOn).y < input.year) issues.push({ path: 'givenOn', code: 'before_year_opinion', params: { year: input.year } });
  return issues;
}

/** One opinion per member and year (front_opinions_member_year): a second is a conflict with the one on record. */
function duplicateYear(year: number): DomainError {
  return new DomainError('CONFLICT', { year }, [{ path: 'year', code: 'front_opinion_exists_for_year', params: { year } }]);
}

/** The unique constraint catches what the check before the insert could not (two clerks at once). */
async function guardYear<T>(year: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof DomainError) && isUniqueViolation(err)) throw duplicateYear(year);
    throw err;
  }
}

async function loadMember(q: Q, actor: Actor, memberId: number) {
  const m = await repo.findMemberInScope(q, actor, memberId);
  if (!m) throw new DomainError('NOT_FOUND');
  return m;
}

// ---------------------------------------------------------------- violations

/** R-DIS-07: the state's discipline or a sanction under the law, recorded from the deciding body's document. */
export async function recordViolation(db: Db, ctx: Ctx, memberId: number, input: CreateViolationInput): Promise<ViolationRecord> {
  const id = await inTransaction(db, async (trx) => {
    const m = await loadMember(trx, ctx.actor, memberId);
    const issues = checkViolation(input, today(ctx));
    if (issues.length) invalid(...issues);
    const at = ctx.now.toISOString();
    const id = await repo.insertViolation(trx, {
      member_id: m.id,
      organization_id: m.organization_id,
      kind: input.kind,
      decided_on: input.decidedOn,
      decided_by: input.decidedBy,
      reference: input.reference,
      form: input.form,
      description: input.description,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'conduct.violation',
      objectType: 'violation_record',
      objectId: id,
      changedFields: ['memberId', 'kind', 'decidedOn', 'decidedBy', 'reference', 'form', 'description'],
    });
    return id;
  });
  return presentViolation((await repo.findViolation(db, id))!);
}

export async function updateViolation(db: Db, ctx: Ctx, id: number, input: UpdateViolationInput): Promise<ViolationRecord> {
  await inTransaction(db, async (trx) => {
    const v = await repo.findViolationInScope(trx, ctx.actor, id);
    if (!v) throw new DomainError('NOT_FOUND');
    if (v.version !== input.version) throw new DomainError('CONFLICT', { id, version: v.version });
    const issues = checkViolation(input, today(ctx));
    if (issues.length) invalid(...issues);
    const next = {
      kind: input.kind,
      decided_on: input.decidedOn,
      decided_by: input.decidedBy,
      reference: input.reference,
      form: input.form,
      description: input.description,
    };
    const changed = changedFields(v, next, {
      kind: 'kind',
      decided_on: 'decidedOn',
      decided_by: 'decidedBy',
      reference: 'reference',
      form: 'form',
      description: 'description',
    });
    if (!(await repo.updateViolationIfVersion(trx, id, input.version, { ...next, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'conduct.update_violation', objectType: 'violation_record', objectId: id, changedFields: changed });
  });
  return presentViolation((await repo.findViolation(db, id))!);
}

// ---------------------------------------------------------------- Front opinions

/** The Front's yearly opinion on the member's prestige where they live (Quy định 124-QĐ/TW), one per year. */
export async function recordFrontOpinion(db: Db, ctx: Ctx, memberId: number, input: CreateFrontOpinionInput): Promise<FrontOpinion> {
  const id = await guardYear(input.year, () =>
    inTransaction(db, async (trx) => {
      const m = await loadMember(trx, ctx.actor, memberId);
      const issues = checkFrontOpinion(input, today(ctx));
      if (issues.length) invalid(...issues);
      if (await repo.findFrontOpinionOfMemberYear(trx, m.id, input.year)) throw duplicateYear(input.year);
      const at = ctx.now.toISOString();
      const id = await repo.insertFrontOpinion(trx, {
        member_id: m.id,
        organization_id: m.organization_id,
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
        action: 'conduct.front_opinion',
        objectType: 'front_opinion',
        objectId: id,
        changedFields: ['memberId', 'year', 'rating', 'comments', 'givenOn', 'givenBy'],
      });
      return id;
    }),
  );
  return presentFrontOpinion((await repo.findFrontOpinion(db, id))!);
}

export async function updateFrontOpinion(db: Db, ctx: Ctx, id: number, input: UpdateFrontOpinionInput): Promise<FrontOpinion> {
  await guardYear(input.year, () =>
    inTransaction(db, async (trx) => {
      const f = await repo.findFrontOpinionInScope(trx, ctx.actor, id);
      if (!f) throw new DomainError('NOT_FOUND');
      if (f.version !== input.version) throw new DomainError('CONFLICT', { id, version: f.version });
      const issues = checkFrontOpinion(input, today(ctx));
      if (issues.length) invalid(...issues);
      if (input.year !== f.year && (await repo.findFrontOpinionOfMemberYear(trx, f.member_id, input.year))) throw duplicateYear(input.year);
      const next = { year: input.year, rating: input.rating, comments: input.comments, given_on: input.givenOn, given_by: input.givenBy };
      const changed = changedFields(f, next, { year: 'year', rating: 'rating', comments: 'comments', given_on: 'givenOn', given_by: 'givenBy' });
      if (!(await repo.updateFrontOpinionIfVersion(trx, id, input.version, { ...next, updated_at: ctx.now.toISOString() }))) throw new DomainError('CONFLICT', { id });
      await appendAudit(trx, ctx, { action: 'conduct.update_front_opinion', objectType: 'front_opinion', objectId: id, changedFields: changed });
    }),
  );
  return presentFrontOpinion((await repo.findFrontOpinion(db, id))!);
}

// ---------------------------------------------------------------- reads

/** The member's violations, Front opinions and party discipline; a read of sensitive records, so it is audited. */
export async function getMemberConduct(db: Db, ctx: Ctx, memberId: number): Promise<MemberConduct> {
  const m = await loadMember(db, ctx.actor, memberId);
  const [violations, opinions, referrals] = await Promise.all([
    repo.listViolationsOfMember(db, m.id),
    repo.listFrontOpinionsOfMember(db, m.id),
    repo.listReferralsOfMember(db, m.id),
  ]);
  await appendAuditAlone(db, ctx, { action: 'conduct.member.read', objectType: 'member', objectId: m.id });
  return {
    member: { id: m.id, fullName: m.full_name },
    violations: violations.map(presentViolation),
    frontOpinions: opinions.map(presentFrontOpinion),
    partyDiscipline: referrals.map(presentDiscipline),
  };
}

// ---------------------------------------------------------------- for other modules (grading, screening)

/**
 * Conduct in `year` for each member (every id given is in the map, with empty lists when nothing is on record): party
 * discipline concluded in the year with a disciplinary form, violations decided in the year, and the Front's opinion
 * of the year. No scope and no audit: the caller has already checked the members are in the actor's scope.
 */
export async function conductOfYear(db: Q, memberIds: readonly number[], year: number): Promise<Map<number, YearConduct>> {
  const out = new Map<number, YearConduct>();
  for (const id of memberIds) out.set(id, { year, partyDiscipline: [], violations: [], frontOpinion: null });
  const ids = [...out.keys()];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  for (let i = 0; i < ids.length; i += repo.MEMBER_BATCH) {
    const batch = ids.slice(i, i + repo.MEMBER_BATCH);
    const [referrals, violations, opinions] = await Promise.all([
      repo.listDisciplineConcludedIn(db, batch, from, to),
      repo.listViolationsDecidedIn(db, batch, from, to),
      repo.listFrontOpinionsOfYear(db, batch, year),
    ]);
    for (const r of referrals) out.get(r.member_id)!.partyDiscipline.push(presentDiscipline(r));
    for (const v of violations) out.get(v.member_id)!.violations.push(presentViolation(v));
    for (const f of opinions) out.get(f.member_id)!.frontOpinion = presentFrontOpinion(f);
  }
  return out;
}
