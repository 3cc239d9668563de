import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type {
  AdmissionCasesTable,
  AdmissionDecisionsTable,
  AdmissionDocumentsTable,
  AdmissionExtensionsTable,
  AdmissionHelpersTable,
  AdmissionIntroducersTable,
  AdmissionOpinionsTable,
  AdmissionRefusalsTable,
  AdmissionVerificationsTable,
  AdmissionVotesTable,
} from '../../db/migrations/0005-admission.ts';
import type { Database, MemberEventsTable, MembersTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3), portable to SQLite and PostgreSQL (principle 9). Scope is the carrying cell's
// current organizations.path (joined, never copied), so a case moves with its cell when the tree changes.

type Q = Kysely<Database>;
export type CaseRow = Selectable<AdmissionCasesTable>;
export type ScopeActor = Pick<Actor, 'orgPath'>;

export const TERMINAL = ['official', 'refused', 'struck_from_probation'] as const;

// ---------------------------------------------------------------- cases

function caseQuery(db: Q) {
  return db
    .selectFrom('admission_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select([
      'o.name as cell_name',
      'o.path as cell_path',
      'p.full_name',
      'p.gender',
      'p.birth_date',
      'p.hometown',
      'p.ethnicity_code',
      'p.religion_code',
      'p.occupation',
      'p.general_education',
      'p.citizen_id',
      'p.sort_key',
      'p.permanent_address',
    ]);
}
export type LoadedCaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** A case whose cell lies in the actor's subtree; undefined otherwise (→ 404, no bytes of it). */
export function findCaseInScope(db: Q, actor: ScopeActor, id: number) {
  return caseQuery(db)
    .where('c.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

/** A case whatever the scope: for the sweep, which acts for the system. */
export function findCase(db: Q, id: number) {
  return caseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export interface CaseListFilter {
  subtreePath: string;
  openOnly: boolean;
  q?: string;
  limit: number;
}

export function listCases(db: Q, actor: ScopeActor, f: CaseListFilter) {
  let q = db
    .selectFrom('admission_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.status', 'c.due_at', 'c.opened_on', 'c.version', 'c.cell_id', 'o.name as cell_name', 'p.full_name', 'p.birth_date', 'p.gender'])
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .where('o.path', 'like', `${f.subtreePath}%`);
  if (f.openOnly) q = q.where('c.status', 'not in', [...TERMINAL]);
  if (f.q) q = q.where(sql<boolean>`p.search_text like ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  return q.orderBy('c.due_at').orderBy('p.sort_key').orderBy('c.id').limit(f.limit).execute();
}

export async function countCasesByStatus(db: Q, actor: ScopeActor, subtreePath: string, openOnly: boolean) {
  let q = db
    .selectFrom('admission_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .where('o.path', 'like', `${subtreePath}%`);
  if (openOnly) q = q.where('c.status', 'not in', [...TERMINAL]);
  const rows = await q.groupBy('c.status').execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export function findOpenCaseOfPerson(db: Q, personId: number) {
  return db.selectFrom('admission_cases').select(['id']).where('person_id', '=', personId).where('status', 'not in', [...TERMINAL]).executeTakeFirst();
}

export function insertCase(db: Q, row: Insertable<AdmissionCasesTable>) {
  return db.insertInto('admission_cases').values(row).returning(['id']).executeTakeFirstOrThrow();
}

/** Compare-and-set on version: false when someone changed the case since it was read (→ CONFLICT). */
export async function updateCaseIfVersion(db: Q, id: number, version: number, patch: Updateable<AdmissionCasesTable>): Promise<boolean> {
  const res = await db
    .updateTable('admission_cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- decisions and refusals (append-only)

export function insertDecision(db: Q, row: Insertable<AdmissionDecisionsTable>) {
  return db.insertInto('admission_decisions').values(row).execute();
}

export function listDecisions(db: Q, caseId: number) {
  return db
    .selectFrom('admission_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.actor_user_id')
    .selectAll('d')
    .select('u.display_name as actor_name')
    .where('d.case_id', '=', caseId)
    .orderBy('d.id')
    .execute();
}

export function insertRefusal(db: Q, row: Insertable<AdmissionRefusalsTable>) {
  return db.insertInto('admission_refusals').values(row).execute();
}

export function listRefusals(db: Q, caseId: number) {
  return db
    .selectFrom('admission_refusals as r')
    .leftJoin('users as u', 'u.id', 'r.actor_user_id')
    .selectAll('r')
    .select('u.display_name as actor_name')
    .where('r.case_id', '=', caseId)
    .orderBy('r.id')
    .execute();
}

// ---------------------------------------------------------------- facts

export function listVerifications(db: Q, caseId: number) {
  return db.selectFrom('admission_verifications').selectAll().where('case_id', '=', caseId).where('removed_on', 'is', null).orderBy('id').execute();
}

export function insertVerification(db: Q, row: Insertable<AdmissionVerificationsTable>) {
  return db.insertInto('admission_verifications').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateVerification(db: Q, caseId: number, id: number, patch: Updateable<AdmissionVerificationsTable>): Promise<boolean> {
  const res = await db
    .updateTable('admission_verifications')
    .set(patch)
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .where('removed_on', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listIntroducers(db: Q, caseId: number) {
  return db
    .selectFrom('admission_introducers as i')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .selectAll('i')
    .select(['p.full_name', 'm.person_id'])
    .where('i.case_id', '=', caseId)
    .where('i.removed_on', 'is', null)
    .orderBy('i.id')
    .execute();
}

export function insertIntroducer(db: Q, row: Insertable<AdmissionIntroducersTable>) {
  return db.insertInto('admission_introducers').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function listOpinions(db: Q, caseId: number) {
  return db.selectFrom('admission_opinions').selectAll().where('case_id', '=', caseId).where('removed_on', 'is', null).orderBy('opinion_date').orderBy('id').execute();
}

export function insertOpinion(db: Q, row: Insertable<AdmissionOpinionsTable>) {
  return db.insertInto('admission_opinions').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function listHelpers(db: Q, caseId: number) {
  return db
    .selectFrom('admission_helpers as h')
    .innerJoin('members as m', 'm.id', 'h.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .selectAll('h')
    .select(['p.full_name', 'm.person_id'])
    .where('h.case_id', '=', caseId)
    .where('h.removed_on', 'is', null)
    .orderBy('h.id')
    .execute();
}

export function insertHelper(db: Q, row: Insertable<AdmissionHelpersTable>) {
  return db.insertInto('admission_helpers').values(row).returning(['id']).executeTakeFirstOrThrow();
}

const REMOVABLE = {
  verification: 'admission_verifications',
  introducer: 'admission_introducers',
  opinion: 'admission_opinions',
  helper: 'admission_helpers',
} as const;

/** A fact withdrawn from the file: kept with the day it was removed (history is not deleted). */
export async function markFactRemoved(db: Q, fact: keyof typeof REMOVABLE, caseId: number, id: number, on: string): Promise<boolean> {
  const res = await db
    .updateTable(REMOVABLE[fact])
    .set({ removed_on: on })
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .where('removed_on', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listVotes(db: Q, caseId: number) {
  return db
    .selectFrom('admission_votes as v')
    .leftJoin('users as u', 'u.id', 'v.recorded_by_user_id')
    .selectAll('v')
    .select('u.display_name as recorded_by')
    .where('v.case_id', '=', caseId)
    .orderBy('v.id')
    .execute();
}

export function insertVote(db: Q, row: Insertable<AdmissionVotesTable>) {
  return db.insertInto('admission_votes').values(row).execute();
}

export function listExtensions(db: Q, caseId: number) {
  return db.selectFrom('admission_extensions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export function insertExtension(db: Q, row: Insertable<AdmissionExtensionsTable>) {
  return db.insertInto('admission_extensions').values(row).execute();
}

// ---------------------------------------------------------------- documents

export function insertDocument(db: Q, row: Insertable<AdmissionDocumentsTable>) {
  return db.insertInto('admission_documents').values(row).returning(['id']).executeTakeFirstOrThrow();
}

/** Metadata only: lists never load the bytes. */
export function listDocuments(db: Q, caseId: number) {
  return db
    .selectFrom('admission_documents as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by_user_id')
    .select(['d.id', 'd.step', 'd.kind', 'd.file_name', 'd.mime', 'd.size', 'd.sha256', 'd.uploaded_at', 'u.display_name as uploaded_by'])
    .where('d.case_id', '=', caseId)
    .orderBy('d.id')
    .execute();
}

export function findDocument(db: Q, caseId: number, id: number) {
  return db
    .selectFrom('admission_documents')
    .select(['id', 'file_name', 'mime', 'size', 'content_base64'])
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function documentBelongsToCase(db: Q, caseId: number, id: number) {
  return db.selectFrom('admission_documents').select('id').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- members (the roll, introducers, helpers, the new member)

export type MemberRow = Selectable<MembersTable>;

/** Members recorded in the cell now or at any time (by their timeline), with their names. */
export function listMembersEverInCell(db: Q, cellId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'm.person_id',
      'm.status',
      'm.organization_id',
      'm.admission_decision_date',
      'm.official_date',
      'm.left_date',
      'p.full_name',
      'm.sort_key',
    ])
    .where((eb) =>
      eb.or([
        eb('m.organization_id', '=', cellId),
        eb(
          'm.id',
          'in',
          eb
            .selectFrom('member_events as e')
            .select('e.member_id')
            .where((e) => e.or([e('e.to_organization_id', '=', cellId), e('e.from_organization_id', '=', cellId)])),
        ),
      ]),
    )
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}

export function findMembersByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.person_id', 'm.status', 'm.organization_id', 'm.admission_decision_date', 'm.official_date', 'm.left_date', 'p.full_name', 'm.sort_key', 'm.org_path'])
    .where('m.id', 'in', ids)
    .execute();
}

export function listTimelineEvents(db: Q, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([] as Pick<Selectable<MemberEventsTable>, 'id' | 'member_id' | 'event_date' | 'to_status' | 'to_organization_id'>[]);
  return db
    .selectFrom('member_events')
    .select(['id', 'member_id', 'event_date', 'to_status', 'to_organization_id'])
    .where('member_id', 'in', memberIds)
    .orderBy('event_date')
    .orderBy('id')
    .execute();
}

export function findMemberByPerson(db: Q, personId: number) {
  return db.selectFrom('members').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export function findMemberById(db: Q, id: number) {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertMember(db: Q, row: Insertable<MembersTable>) {
  return db.insertInto('members').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateMemberIfVersion(db: Q, id: number, version: number, patch: Updateable<MembersTable>): Promise<boolean> {
  const res = await db
    .updateTable('members')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function insertMemberEvent(db: Q, row: Insertable<MemberEventsTable>) {
  return db.insertInto('member_events').values(row).execute();
}

// ---------------------------------------------------------------- organizations

export function findOrganizationInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.kind', 'o.path'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

export function findOrganizationsByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'parent_id']).where('id', 'in', ids).execute();
}

export function findCandidateInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('candidates as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.person_id', 'c.organization_id', 'c.status', 'c.status_changed_on', 'c.mass_organization', 'o.path', 'o.kind', 'o.valid_to', 'p.general_education'])
    .where('c.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

export function findCandidateRow(db: Q, id: number) {
  return db.selectFrom('candidates').select(['id', 'status', 'status_changed_on']).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- reports

/** Open cases of a subtree with a due date on or before `until` (the deadlines page), nearest first. */
export function listDueCases(db: Q, subtreePath: string, until: string) {
  return db
    .selectFrom('admission_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.status', 'c.due_at', 'c.due_dates', 'c.overdue_since', 'c.member_history_completed_on', 'c.cell_id', 'o.name as cell_name', 'p.full_name'])
    .where('o.path', 'like', `${subtreePath}%`)
    .where('c.status', 'not in', [...TERMINAL])
    .where((eb) => eb.or([eb('c.due_at', '<=', until), eb('c.status', 'in', ['probation', 'cell_recognition_vote', 'recognition_decision'])]))
    .orderBy('c.due_at')
    .orderBy('c.id')
    .execute();
}

/** Verification requests without a reply, due on or before `until`, in open cases of a subtree. */
export function listPendingVerifications(db: Q, subtreePath: string, until: string) {
  return db
    .selectFrom('admission_verifications as v')
    .innerJoin('admission_cases as c', 'c.id', 'v.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['v.id', 'v.subject_name', 'v.request_organization', 'v.reply_due_on', 'c.id as case_id', 'c.status', 'c.cell_id', 'o.name as cell_name', 'p.full_name'])
    .where('o.path', 'like', `${subtreePath}%`)
    .where('c.status', 'not in', [...TERMINAL])
    .where('v.removed_on', 'is', null)
    .where('v.conclusion', 'is', null)
    .where('v.reply_due_on', '<=', until)
    .orderBy('v.reply_due_on')
    .orderBy('v.id')
    .execute();
}

/** Cases the sweep looks at: open, with a due date before `today`, not yet marked; or on probation that has ended. */
export function listSweepCandidates(db: Q, today: string) {
  return db
    .selectFrom('admission_cases')
    .select(['id', 'status', 'due_at', 'overdue_since', 'version'])
    .where('status', 'not in', [...TERMINAL])
    .where('due_at', 'is not', null)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'probation'), eb('due_at', '<=', today)]), eb.and([eb('due_at', '<', today), eb('overdue_since', 'is', null)])]))
    .orderBy('id')
    .execute();
}

/** Marks a step overdue once: the compare on overdue_since and due_at makes a rerun change nothing. */
export async function markOverdue(db: Q, id: number, dueAt: string, today: string): Promise<boolean> {
  const res = await db
    .updateTable('admission_cases')
    .set({ overdue_since: today })
    .where('id', '=', id)
    .where('due_at', '=', dueAt)
    .where('overdue_since', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listCasesForQuality(db: Q, subtreePath: string) {
  return db
    .selectFrom('admission_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.cell_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.status',
      'c.state',
      'c.due_at',
      'c.employer_kind',
      'c.decision_date',
      'c.closed_on',
      'c.opened_on',
      'p.gender',
      'p.birth_date',
      'p.ethnicity_code',
      'p.religion_code',
    ])
    .where('o.path', 'like', `${subtreePath}%`)
    .execute();
}

export function listDecisionsOfCases(db: Q, caseIds: number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admission_decisions')
    .select(['case_id', 'action_type', 'action', 'from_status', 'to_status', 'effective_on'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('id')
    .execute();
}

export function listRefusalsOfCases(db: Q, caseIds: number[], from: string, to: string) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admission_refusals')
    .select(['case_id', 'violations'])
    .where('case_id', 'in', caseIds)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .execute();
}

/** 'admitted' events of members recorded in the subtree, dated in [from, to], with whether the member later left by removal. */
export function listAdmittedMembers(db: Q, subtreePath: string, from: string, to: string) {
  return db
    .selectFrom('member_events as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select(['e.member_id', 'e.event_date'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('member_events as l')
            .select('l.id')
            .whereRef('l.member_id', '=', 'e.member_id')
            .whereRef('l.event_date', '>=', 'e.event_date')
            .where('l.kind', 'in', ['struck_off', 'released', 'expelled']),
        )
        .as('removed'),
    )
    .where('e.kind', '=', 'admitted')
    .where('e.event_date', '>=', from)
    .where('e.event_date', '<=', to)
    .where('m.org_path', 'like', `${subtreePath}%`)
    .execute();
}
