import { z } from 'zod';
import {
  ACTIVE_STATUSES,
  type CreateMemberInput,
  type MemberDetail,
  type MemberList,
  type MemberListItem,
  type MemberListQuery,
  type MemberStatus,
  type RecordMemberEventInput,
  type UpdateMemberInput,
  ZPost,
} from '../../../common/contracts/members.contract.ts';
import { MEMBER_HOLDING_KINDS, type OrganizationKind } from '../../../common/contracts/organizations.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { maskCitizenId, validateCitizenId } from '../../../common/rules/citizen-id.ts';
import { isEthnicityCode, RELIGIONS } from '../../../common/rules/ethnicities.ts';
import { ageInFullYears, compareIsoDate, type IsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import { checkMemberRecordDates, decideMemberEvent } from '../../../common/rules/member-status.ts';
import { normalizeVi } from '../../../common/rules/normalize-vi.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { isPathInScope } from '../../policy/scope.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { birthDateBounds } from './age-band.ts';
import { searchMemberIds } from './member-search.repo.ts';
import * as repo from './people.repo.ts';
import { PERSON_FIELDS, personValues, searchColumns } from './person-columns.ts';

type ActorContext = RequestContext & { actor: Actor };
type Q = Parameters<typeof repo.findMemberInScope>[0];

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** GET /api/members and POST /api/members/search: a page in Vietnamese name order (given name first), within the actor's scope. */
export async function listMembers(db: Db, ctx: ActorContext, query: MemberListQuery): Promise<MemberList> {
  const { actor } = ctx;
  const today = todayInVietnam(ctx.now);
  let subtreePath: string | null = null;
  if (query.organizationId !== undefined) {
    const org = await repo.findOrganization(db, query.organizationId);
    if (!org || actor.reach === 'self' || !isPathInScope(actor, org.path)) throw new DomainError('NOT_FOUND');
    subtreePath = org.path;
  }
  const text = query.q ? normalizeVi(query.q) : '';
  const { birthFrom, birthTo } = birthDateBounds(today, query.ageMin, query.ageMax);
  const result = await searchMemberIds(db, {
    actor,
    subtreePath,
    statuses: query.status === 'all' ? null : query.status === 'active' ? ACTIVE_STATUSES : [query.status],
    gender: query.gender ?? null,
    ethnicityCode: query.ethnicityCode ?? null,
    birthFrom,
    birthTo,
    text: text === '' ? null : text,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const rows = new Map((await repo.findMemberListRows(db, result.ids)).map((r) => [r.id, r]));
  const items: MemberListItem[] = [];
  for (const id of result.ids) {
    const r = rows.get(id);
    if (!r) continue; // removed between the two queries
    items.push({
      id: r.id,
      personId: r.person_id,
      fullName: r.full_name,
      gender: r.gender as MemberListItem['gender'],
      birthDate: r.birth_date,
      ethnicityCode: r.ethnicity_code,
      status: r.status as MemberStatus,
      organization: { id: r.organization_id, name: r.organization_name },
      cardNumber: r.card_number,
      citizenIdMasked: r.citizen_id ? maskCitizenId(r.citizen_id) : null,
    });
  }
  return { items, total: result.total, page: query.page, pageSize: query.pageSize, totalIsLowerBound: result.totalIsLowerBound };
}

/** GET /api/members/:id. Reading a member record is logged (security.md: reads of sensitive records). */
export async function getMember(db: Db, ctx: ActorContext, memberId: number): Promise<MemberDetail> {
  const detail = await loadDetail(db, ctx, memberId);
  await appendAuditAlone(db, ctx, { action: 'member.read', objectType: 'member', objectId: memberId });
  return detail;
}

async function loadDetail(db: Q, ctx: ActorContext, memberId: number): Promise<MemberDetail> {
  const rec = await repo.findMemberInScope(db, ctx.actor, memberId);
  if (!rec) throw new DomainError('NOT_FOUND');
  const timeline = await repo.findMemberTimeline(db, memberId);
  return presentDetail(rec, timeline, todayInVietnam(ctx.now));
}

const ZStoredPosts = z.array(ZPost);

function parsePosts(json: string): MemberDetail['posts'] {
  try {
    const parsed = ZStoredPosts.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.map((p) => ({ title: p.title, since: p.since })) : [];
  } catch {
    return [];
  }
}

/**
 * R-REC-07 (Điều lệ Đảng Art. 5.4): party age counts from the date in the admission decision, in whole years on
 * today; for someone no longer in the party it stops on the day they left.
 */
export function partyAgeYears(admissionDecisionDate: IsoDate | null, leftDate: IsoDate | null, today: IsoDate): number | null {
  if (!admissionDecisionDate) return null;
  const end = leftDate && compareIsoDate(leftDate, today) < 0 ? leftDate : today;
  return compareIsoDate(end, admissionDecisionDate) < 0 ? 0 : ageInFullYears(admissionDecisionDate, end);
}

function presentDetail(rec: repo.MemberRecord, timeline: Awaited<ReturnType<typeof repo.findMemberTimeline>>, today: IsoDate): MemberDetail {
  const org = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });
  return {
    id: rec.id,
    personId: rec.person_id,
    version: rec.version,
    personVersion: rec.person_version,
    status: rec.status as MemberStatus,
    organization: { id: rec.organization_id, name: rec.organization_name, kind: rec.organization_kind },
    person: {
      fullName: rec.full_name,
      birthName: rec.birth_name,
      gender: rec.gender as MemberDetail['person']['gender'],
      birthDate: rec.birth_date,
      birthplace: rec.birthplace,
      hometown: rec.hometown,
      permanentAddress: rec.permanent_address,
      temporaryAddress: rec.temporary_address,
      ethnicityCode: rec.ethnicity_code,
      religionCode: rec.religion_code,
      citizenId: rec.citizen_id,
      phone: rec.phone,
      generalEducation: rec.general_education,
      professionalQualification: rec.professional_qualification,
      politicalTheory: rec.political_theory,
      occupation: rec.occupation,
    },
    historyNumber: rec.history_number,
    cardNumber: rec.card_number,
    admissionDecisionDate: rec.admission_decision_date,
    ceremonyDate: rec.ceremony_date,
    officialDate: rec.official_date,
    leftDate: rec.left_date,
    partyAgeYears: partyAgeYears(rec.admission_decision_date, rec.left_date, today),
    posts: parsePosts(rec.posts),
    timeline: timeline.map((e) => ({
      id: e.id,
      kind: e.kind as MemberDetail['timeline'][number]['kind'],
      eventDate: e.event_date,
      fromStatus: e.from_status as MemberStatus | null,
      toStatus: e.to_status as MemberStatus | null,
      fromOrganization: org(e.from_organization_id, e.from_organization_name),
      toOrganization: org(e.to_organization_id, e.to_organization_name),
      decisionRef: e.decision_ref,
      note: e.note,
      actor: e.actor_username,
      createdAt: e.created_at,
    })),
  };
}

// ── Checks shared by create and update ─────────────────────────────────────────────────────────────

type RecordInput = Omit<CreateMemberInput, 'organizationId' | 'status'>;

// Names are shown in lists, documents and logs: control characters (CR/LF, ANSI escapes) are refused.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Every field problem of a member record at once (codes, never sentences). */
function recordIssues(input: RecordInput, status: MemberStatus, today: IsoDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/\p{L}/u.test(input.fullName)) issues.push({ path: 'fullName', code: 'name_format' });
  else if (CONTROL_CHARACTERS.test(input.fullName)) issues.push({ path: 'fullName', code: 'control_characters' });
  if (input.citizenId) {
    // Luật Căn cước 2023 Art. 12; Nghị định 137/2015/NĐ-CP Art. 7: the number must agree with birth year and gender.
    const check = validateCitizenId(input.citizenId, { birthDate: input.birthDate, gender: input.gender });
    if (!check.ok) issues.push({ path: 'citizenId', code: check.code });
  }
  if (!isEthnicityCode(input.ethnicityCode)) issues.push({ path: 'ethnicityCode', code: 'unknown_ethnicity' });
  if (!RELIGIONS.some((r) => r.code === input.religionCode)) issues.push({ path: 'religionCode', code: 'unknown_religion' });
  for (const issue of checkMemberRecordDates(
    {
      status,
      birthDate: input.birthDate,
      admissionDecisionDate: input.admissionDecisionDate,
      ceremonyDate: input.ceremonyDate,
      officialDate: input.officialDate,
    },
    today,
  )) {
    issues.push(issue);
  }
  return issues;
}

function isOrganizationActive(org: { valid_from: string; valid_to: string | null }, today: IsoDate): boolean {
  return compareIsoDate(org.valid_from, today) <= 0 && (org.valid_to === null || compareIsoDate(org.valid_to, today) > 0);
}

/** A cell or grassroots cell in the actor's scope, active today; else the refusal the user needs. */
async function memberHoldingOrganization(db: Q, actor: Actor, organizationId: number, today: IsoDate, issues: FieldIssue[]) {
  const org = await repo.findOrganization(db, organizationId);
  if (!org || actor.reach === 'self' || !isPathInScope(actor, org.path)) throw new DomainError('NOT_FOUND');
  if (!MEMBER_HOLDING_KINDS.includes(org.kind as OrganizationKind)) issues.push({ path: 'organizationId', code: 'not_member_holding' });
  return { org, isActive: isOrganizationActive(org, today) };
}

/** Refuses a citizen id, card number or history number that another record holds (409). */
async function assertUnique(db: Q, actor: Actor, input: RecordInput, self?: { memberId: number; personId: number }): Promise<void> {
  if (input.citizenId) {
    const holder = await repo.findByCitizenId(db, input.citizenId);
    if (holder && holder.person_id !== self?.personId) {
      // Name where the duplicate is, but only to someone who may see that record anyway.
      const visible = holder.member_id !== null && holder.org_path !== null && actor.reach === 'subtree' && isPathInScope(actor, holder.org_path);
      throw new DomainError(
        'DUPLICATE_CITIZEN_ID',
        visible ? { memberId: holder.member_id, name: holder.full_name, organization: holder.organization_name } : {},
      );
    }
  }
  if (input.cardNumber && (await repo.isCardNumberTaken(db, input.cardNumber, self?.memberId))) throw new DomainError('DUPLICATE_CARD_NUMBER');
  if (input.historyNumber && (await repo.isHistoryNumberTaken(db, input.historyNumber, self?.memberId))) {
    throw new DomainError('DUPLICATE_HISTORY_NUMBER');
  }
}

/** A unique index refused the write (a concurrent request won the race): the same codes as the checks. */
function duplicateFromConstraint(err: unknown): DomainError | null {
  const v = isUniqueViolation(err);
  if (!v) return null;
  const what = `${v.constraint ?? ''} ${v.detail ?? ''}`;
  if (what.includes('citizen_id')) return new DomainError('DUPLICATE_CITIZEN_ID');
  if (what.includes('card_number')) return new DomainError('DUPLICATE_CARD_NUMBER');
  if (what.includes('history_number')) return new DomainError('DUPLICATE_HISTORY_NUMBER');
  return null;
}

async function mappingDuplicates<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw duplicateFromConstraint(err) ?? err;
  }
}

// Contract field → column, for persons and members (the audit names contract fields, never values).
const MEMBER_FIELDS = {
  historyNumber: 'history_number',
  cardNumber: 'card_number',
  admissionDecisionDate: 'admission_decision_date',
  ceremonyDate: 'ceremony_date',
  officialDate: 'official_date',
} as const satisfies Partial<Record<keyof RecordInput, keyof repo.MemberRow>>;

function memberValues(input: RecordInput) {
  const out = {} as { -readonly [K in keyof typeof MEMBER_FIELDS as (typeof MEMBER_FIELDS)[K]]: RecordInput[K] };
  for (const [field, column] of Object.entries(MEMBER_FIELDS)) (out as Record<string, unknown>)[column] = input[field as keyof RecordInput];
  return out;
}

const postsJson = (posts: RecordInput['posts']) => JSON.stringify(posts.map((p) => ({ title: p.title, since: p.since })));

// ── Writing ──────────────────────────────────────────────────────────────────────────────────────

/**
 * POST /api/members: person, member and the first timeline event in one transaction with its audit row.
 * A probationary member starts with 'admitted' on the admission decision date; an official member recorded
 * after the fact starts with 'registered'.
 */
export async function createMember(db: Db, ctx: ActorContext, input: CreateMemberInput): Promise<MemberDetail> {
  const today = todayInVietnam(ctx.now);
  const at = ctx.now.toISOString();
  const memberId = await db.transaction().execute(async (trx) => {
    const issues: FieldIssue[] = [];
    const { org, isActive } = await memberHoldingOrganization(trx, ctx.actor, input.organizationId, today, issues);
    issues.push(...recordIssues(input, input.status, today));
    if (issues.length) throw new DomainError('VALIDATION', {}, issues);
    if (!isActive) throw new DomainError('ORGANIZATION_NOT_ACTIVE');
    await assertUnique(trx, ctx.actor, input);

    const search = searchColumns(input);
    const id = await mappingDuplicates(async () => {
      const personId = await repo.insertPerson(trx, {
        ...personValues(input),
        search_text: search.personSearchText,
        sort_key: search.sortKey,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      const newId = await repo.insertMember(trx, {
        ...memberValues(input),
        person_id: personId,
        status: input.status,
        organization_id: org.id,
        org_path: org.path,
        left_date: null,
        posts: postsJson(input.posts),
        search_text: search.memberSearchText,
        sort_key: search.sortKey,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      const isNew = input.status === 'probationary';
      await repo.insertMemberEvent(trx, {
        member_id: newId,
        kind: isNew ? 'admitted' : 'registered',
        event_date: isNew ? input.admissionDecisionDate : (input.officialDate ?? input.admissionDecisionDate),
        from_status: null,
        to_status: input.status,
        from_organization_id: null,
        to_organization_id: org.id,
        decision_ref: null,
        note: null,
        actor_user_id: ctx.actor.userId,
        created_at: at,
      });
      return newId;
    });
    const given = (Object.keys({ ...PERSON_FIELDS, ...MEMBER_FIELDS }) as (keyof RecordInput)[]).filter((f) => input[f] !== null);
    await appendAudit(trx, ctx, {
      action: 'member.create',
      objectType: 'member',
      objectId: id,
      changedFields: [...given, 'posts', 'organizationId', 'status'],
    });
    return id;
  });
  return loadDetail(db, ctx, memberId);
}

/**
 * PUT /api/members/:id: edits the person and member fields (never status or cell: those are events), with
 * compare-and-set on `version`. The audit row names the fields that changed.
 */
export async function updateMember(db: Db, ctx: ActorContext, memberId: number, input: UpdateMemberInput): Promise<MemberDetail> {
  const today = todayInVietnam(ctx.now);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const rec = await repo.findMemberInScope(trx, ctx.actor, memberId);
    if (!rec) throw new DomainError('NOT_FOUND');
    if (rec.version !== input.version) throw new DomainError('CONFLICT', { currentVersion: rec.version });
    const issues = recordIssues(input, rec.status as MemberStatus, today);
    if (issues.length) throw new DomainError('VALIDATION', {}, issues);
    await assertUnique(trx, ctx.actor, input, { memberId: rec.id, personId: rec.person_id });

    const person = personValues(input);
    const member = memberValues(input);
    const changed: string[] = [];
    for (const [field, column] of Object.entries(PERSON_FIELDS)) if (person[column] !== rec[column]) changed.push(field);
    for (const [field, column] of Object.entries(MEMBER_FIELDS)) if (member[column] !== rec[column]) changed.push(field);
    const posts = postsJson(input.posts);
    if (posts !== JSON.stringify(parsePosts(rec.posts))) changed.push('posts');
    if (changed.length === 0) return; // nothing to write: the version stays, no audit row for a non-change

    const search = searchColumns(input);
    await mappingDuplicates(async () => {
      const won = await repo.updateMemberIfVersion(trx, rec.id, input.version, {
        ...member,
        posts,
        search_text: search.memberSearchText,
        sort_key: search.sortKey,
        updated_at: at,
      });
      if (!won) throw new DomainError('CONFLICT', { currentVersion: rec.version + 1 });
      await repo.updatePerson(trx, rec.person_id, { ...person, search_text: search.personSearchText, sort_key: search.sortKey, updated_at: at });
    });
    await appendAudit(trx, ctx, { action: 'member.update', objectType: 'member', objectId: rec.id, changedFields: changed });
  });
  return loadDetail(db, ctx, memberId);
}

/**
 * POST /api/members/:id/events: one event on the timeline (append-only) and the members projection, in one
 * transaction with compare-and-set on `version` and its audit row. Which events are allowed is decided by
 * common/rules/member-status.ts.
 */
export async function recordMemberEvent(db: Db, ctx: ActorContext, memberId: number, input: RecordMemberEventInput): Promise<MemberDetail> {
  const today = todayInVietnam(ctx.now);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const rec = await repo.findMemberInScope(trx, ctx.actor, memberId);
    if (!rec) throw new DomainError('NOT_FOUND');
    if (rec.version !== input.version) throw new DomainError('CONFLICT', { currentVersion: rec.version });
    const decision = decideMemberEvent(
      {
        status: rec.status as MemberStatus,
        organizationId: rec.organization_id,
        ceremonyDate: rec.ceremony_date,
        lastEventDate: await repo.findLastEventDate(trx, rec.id),
      },
      { kind: input.kind, eventDate: input.eventDate, organizationId: input.organizationId ?? null },
      today,
    );
    if (!decision.ok) {
      if (decision.code === 'VALIDATION') {
        throw new DomainError('VALIDATION', {}, [{ path: decision.field, code: decision.fieldCode, params: decision.params }]);
      }
      throw new DomainError(decision.code, decision.params);
    }
    const next = decision.next;
    let orgPath = rec.org_path;
    if (next.organizationId !== rec.organization_id) {
      const issues: FieldIssue[] = [];
      const { org, isActive } = await memberHoldingOrganization(trx, ctx.actor, next.organizationId, today, issues);
      if (issues.length) throw new DomainError('VALIDATION', {}, issues);
      if (!isActive) throw new DomainError('ORGANIZATION_NOT_ACTIVE');
      orgPath = org.path;
    }
    const changes = {
      status: next.status,
      organization_id: next.organizationId,
      org_path: orgPath,
      official_date: next.officialDate ?? rec.official_date,
      left_date: next.leftDate ?? rec.left_date,
      updated_at: at,
    };
    const won = await repo.updateMemberIfVersion(trx, rec.id, input.version, changes);
    if (!won) throw new DomainError('CONFLICT', { currentVersion: rec.version + 1 });
    await repo.insertMemberEvent(trx, {
      member_id: rec.id,
      kind: input.kind,
      event_date: input.eventDate,
      from_status: rec.status,
      to_status: next.status,
      from_organization_id: rec.organization_id,
      to_organization_id: next.organizationId,
      decision_ref: input.decisionRef,
      note: input.note,
      actor_user_id: ctx.actor.userId,
      created_at: at,
    });
    const changed = [
      ...(next.status !== rec.status ? ['status'] : []),
      ...(next.organizationId !== rec.organization_id ? ['organizationId'] : []),
      ...(next.officialDate ? ['officialDate'] : []),
      ...(next.leftDate ? ['leftDate'] : []),
    ];
    await appendAudit(trx, ctx, { action: 'member.change_status', objectType: 'member', objectId: rec.id, changedFields: changed });
  });
  return loadDetail(db, ctx, memberId);
}
