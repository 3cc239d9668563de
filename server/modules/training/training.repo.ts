import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { OPEN_CANDIDATE_STATUSES } from '../../../common/contracts/candidates.contract.ts';
import { ACTIVE_STATUSES } from '../../../common/contracts/members.contract.ts';
import type { CourseKind } from '../../../common/contracts/training.contract.ts';
import type { CertificatesTable, Database, TrainingClassesTable, TrainingEnrolmentsTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { subtreePattern, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3). A class is in scope when its organizing organization lies in the actor's
// subtree (organizations.path joined, never copied); a learner is in scope through an open candidacy in a cell of
// the subtree or an active membership recorded in it.

type Q = Kysely<Database>;
type ScopeActor = Pick<Actor, 'orgPath'>;
export type ClassRow = Selectable<TrainingClassesTable>;
export type EnrolmentRow = Selectable<TrainingEnrolmentsTable>;

function likeContains(normalized: string): string {
  return `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- classes

export interface ClassListFilter {
  q?: string;
  courseKind?: CourseKind;
  year?: number;
  page: number;
  pageSize: number;
}

function classListBase(db: Q, actor: ScopeActor, f: ClassListFilter) {
  let q = db
    .selectFrom('training_classes as k')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor));
  if (f.courseKind) q = q.where('k.course_kind', '=', f.courseKind);
  if (f.year) q = q.where('k.start_date', '>=', `${f.year}-01-01`).where('k.start_date', '<=', `${f.year}-12-31`);
  if (f.q) q = q.where(sql<boolean>`k.search_text like ${likeContains(f.q)} escape '\\'`);
  return q;
}

export async function listClasses(db: Q, actor: ScopeActor, f: ClassListFilter) {
  const total = await classListBase(db, actor, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await classListBase(db, actor, f)
    .selectAll('k')
    .select('o.name as organization_name')
    .select((eb) => [
      eb.selectFrom('training_enrolments as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.class_id', '=', 'k.id').as('enrolled'),
      eb
        .selectFrom('training_enrolments as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'k.id')
        .where('e.result', '=', 'pass')
        .as('passed'),
      eb.selectFrom('certificates as c').select((x) => x.fn.countAll<number>().as('n')).whereRef('c.class_id', '=', 'k.id').as('certified'),
    ])
    .orderBy('k.start_date', 'desc')
    .orderBy('k.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export function findClassInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('training_classes as k')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .selectAll('k')
    .select('o.name as organization_name')
    .where('k.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

export function insertClass(db: Q, row: Insertable<TrainingClassesTable>) {
  return db.insertInto('training_classes').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateClassIfVersion(
  db: Q,
  id: number,
  version: number,
  patch: Partial<Pick<ClassRow, 'name' | 'institution' | 'start_date' | 'end_date' | 'session_count' | 'search_text' | 'updated_at'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('training_classes')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function findOrganizationInSubtree(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.valid_to'])
    .where('o.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

// ---------------------------------------------------------------- learners

/** The cell of a person's open candidacy or active membership, when it lies in the actor's subtree. */
function learnerCellName(eb: ExpressionBuilder<any, any>, actor: ScopeActor, personRef: string) {
  return eb.fn.coalesce(
    eb
      .selectFrom('candidates as lc')
      .innerJoin('organizations as lo', 'lo.id', 'lc.organization_id')
      .select('lo.name')
      .whereRef('lc.person_id', '=', sql.ref(personRef) as any)
      .where('lc.status', 'in', [...OPEN_CANDIDATE_STATUSES])
      .where('lo.path', 'like', subtreePattern(actor.orgPath))
      .limit(1),
    eb
      .selectFrom('members as lm')
      .innerJoin('organizations as lo2', 'lo2.id', 'lm.organization_id')
      .select('lo2.name')
      .whereRef('lm.person_id', '=', sql.ref(personRef) as any)
      .where('lm.status', 'in', [...ACTIVE_STATUSES])
      .where('lm.org_path', 'like', subtreePattern(actor.orgPath))
      .limit(1),
  );
}

function learnerKindFlags(eb: ExpressionBuilder<any, any>, personRef: string) {
  return [
    eb
      .exists(
        eb
          .selectFrom('candidates as kc')
          .select('kc.id')
          .whereRef('kc.person_id', '=', sql.ref(personRef) as any)
          .where('kc.status', 'in', [...OPEN_CANDIDATE_STATUSES]),
      )
      .as('is_candidate'),
    eb
      .exists(
        eb
          .selectFrom('members as km')
          .select('km.id')
          .whereRef('km.person_id', '=', sql.ref(personRef) as any)
          .where('km.status', 'in', [...ACTIVE_STATUSES]),
      )
      .as('is_member'),
  ];
}

export function listEnrolments(db: Q, actor: ScopeActor, classId: number, enrolmentId?: number) {
  let q = db
    .selectFrom('training_enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .leftJoin('certificates as c', 'c.enrolment_id', 'e.id')
    .selectAll('e')
    .select(['p.full_name', 'p.birth_date', 'p.sort_key', 'c.id as certificate_id', 'c.number as certificate_number', 'c.issued_on as certificate_issued_on', 'c.valid_until as certificate_valid_until'])
    .select((eb) => [learnerCellName(eb, actor, 'e.person_id').as('organization_name'), ...learnerKindFlags(eb, 'e.person_id')])
    .where('e.class_id', '=', classId);
  if (enrolmentId !== undefined) q = q.where('e.id', '=', enrolmentId);
  return q.orderBy('p.sort_key').orderBy('e.id').execute();
}

/** Open candidates and active members of the subtree whose name (or citizen id) matches: who may be enrolled. */
export async function searchLearners(db: Q, actor: ScopeActor, normalizedQ: string, limit = 20) {
  const pattern = likeContains(normalizedQ);
  const candidates = await db
    .selectFrom('candidates as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['p.id as person_id', 'p.full_name', 'p.birth_date', 'p.sort_key', 'o.name as organization_name'])
    .where('c.status', 'in', [...OPEN_CANDIDATE_STATUSES])
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .where(sql<boolean>`p.search_text like ${pattern} escape '\\'`)
    .orderBy('p.sort_key')
    .limit(limit)
    .execute();
  const members = await db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['p.id as person_id', 'p.full_name', 'p.birth_date', 'p.sort_key', 'o.name as organization_name'])
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
    .where(sql<boolean>`p.search_text like ${pattern} escape '\\'`)
    .orderBy('p.sort_key')
    .limit(limit)
    .execute();
  return [
    ...candidates.map((r) => ({ ...r, learner_kind: 'candidate' as const })),
    ...members.map((r) => ({ ...r, learner_kind: 'member' as const })),
  ]
    .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0))
    .slice(0, limit);
}

/** A person the actor may enrol: an open candidate of a cell in the subtree, or an active member recorded in it. */
export async function isLearnerInScope(db: Q, actor: ScopeActor, personId: number): Promise<boolean> {
  const candidate = await db
    .selectFrom('candidates as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where('c.status', 'in', [...OPEN_CANDIDATE_STATUSES])
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
  if (candidate) return true;
  const member = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.person_id', '=', personId)
    .where('m.status', 'in', [...ACTIVE_STATUSES])
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
    .executeTakeFirst();
  return member !== undefined;
}

/** Whose certificates the actor may read: a candidacy (any status) in a cell of the subtree, or a membership in it. */
export async function isPersonInScope(db: Q, actor: ScopeActor, personId: number): Promise<boolean> {
  const candidate = await db
    .selectFrom('candidates as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
  if (candidate) return true;
  const member = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.person_id', '=', personId)
    .where((eb) => whereOrgPathInScope(eb, 'm.org_path', actor))
    .executeTakeFirst();
  return member !== undefined;
}

// ---------------------------------------------------------------- enrolments

export function insertEnrolment(db: Q, row: Insertable<TrainingEnrolmentsTable>) {
  return db.insertInto('training_enrolments').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function findEnrolmentByPerson(db: Q, classId: number, personId: number) {
  return db.selectFrom('training_enrolments').select('id').where('class_id', '=', classId).where('person_id', '=', personId).executeTakeFirst();
}

/** An enrolment whose class lies in the actor's scope, with its class. */
export function findEnrolmentInScope(db: Q, actor: ScopeActor, id: number) {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_classes as k', 'k.id', 'e.class_id')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .leftJoin('certificates as c', 'c.enrolment_id', 'e.id')
    .selectAll('e')
    .select(['k.session_count', 'k.end_date', 'k.course_kind', 'c.id as certificate_id'])
    .where('e.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}

export async function updateEnrolmentIfVersion(
  db: Q,
  id: number,
  version: number,
  patch: Partial<Pick<EnrolmentRow, 'attended_sessions' | 'score_tenths' | 'result' | 'updated_at'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('training_enrolments')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteEnrolmentIfVersion(db: Q, id: number, version: number): Promise<boolean> {
  const res = await db.deleteFrom('training_enrolments').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export function listEnrolmentRows(db: Q, classId: number) {
  return db.selectFrom('training_enrolments').selectAll().where('class_id', '=', classId).execute();
}

export function setEnrolmentResult(db: Q, id: number, result: string | null, at: string) {
  return db
    .updateTable('training_enrolments')
    .set((eb) => ({ result, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- certificates

export function countCertificatesOfClass(db: Q, classId: number) {
  return db
    .selectFrom('certificates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export async function maxSequence(db: Q, institutionKey: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('certificates')
    .select((eb) => eb.fn.max('sequence').as('m'))
    .where('institution_key', '=', institutionKey)
    .where('issue_year', '=', year)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export function findTakenSequences(db: Q, institutionKey: string, year: number, from: number, to: number) {
  return db
    .selectFrom('certificates')
    .select(['sequence', 'number'])
    .where('institution_key', '=', institutionKey)
    .where('issue_year', '=', year)
    .where('sequence', '>=', from)
    .where('sequence', '<=', to)
    .orderBy('sequence')
    .execute();
}

export function insertCertificates(db: Q, rows: Insertable<CertificatesTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('certificates').values(rows).execute();
}

export interface PersonCertificate {
  kind: CourseKind;
  number: string;
  issuedOn: string;
  validUntil: string | null;
  institution: string;
}

/**
 * Every certificate of a person, newest first, whatever the scope: for the admission module's checks (R-ADM-04:
 * a party-awareness certificate no older than 60 months on the cell meeting date — compare `validUntil` with it;
 * R-REC-03: the new-member course certificate). The caller has already checked its own record's scope.
 */
export async function findCertificates(db: Kysely<Database>, personId: number): Promise<PersonCertificate[]> {
  const rows = await db
    .selectFrom('certificates')
    .select(['course_kind', 'number', 'issued_on', 'valid_until', 'institution'])
    .where('person_id', '=', personId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ kind: r.course_kind as CourseKind, number: r.number, issuedOn: r.issued_on, validUntil: r.valid_until, institution: r.institution }));
}

/** The same, with ids, for the person's record page. */
export function listCertificatesOfPerson(db: Q, personId: number) {
  return db
    .selectFrom('certificates')
    .select(['id', 'course_kind', 'number', 'issued_on', 'valid_until', 'institution'])
    .where('person_id', '=', personId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
