import type { Transaction } from 'kysely';
import type {
  ClassDetail,
  ClassList,
  CreateClassInput,
  Enrolment,
  IssueCertificatesInput,
  UpdateClassInput,
  UpdateEnrolmentInput,
} from '../../../common/contracts/training.contract.ts';
import { ZCourseKind, ZEnrolmentResult } from '../../../common/contracts/training.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import { buildSearchText, normalizeVi } from '../../../common/rules/normalize-vi.ts';
import type { Db } from '../../db/create-db.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { findOpenCandidacyOfPerson } from '../candidates/candidates.repo.ts';
import { recordCandidateStatus } from '../candidates/candidates.service.ts';
import { buildClassResultsWorkbook } from './training.export.ts';
import * as repo from './training.repo.ts';
import {
  certificateValidityMonths,
  certificateValidUntil,
  coursePassRule,
  formatCertificateNumber,
  issueYear,
  judgeLearner,
  scoreToTenths,
  tenthsToScore,
} from './training.rules.ts';

type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;

function invalid(...issues: FieldIssue[]): never {
  throw new DomainError('VALIDATION', {}, issues);
}

async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      // The audit-chain lock first: on PostgreSQL two changes never interleave (certificate numbering included).
      await lockAuditChain(trx);
      return work(trx);
    });
  } catch (err) {
    const unique = err instanceof DomainError ? null : isUniqueViolation(err);
    if (unique) {
      const where = `${unique.constraint ?? ''} ${unique.detail ?? ''}`;
      if (/certificates.*(sequence|institution)|certificates_number/.test(where)) throw new DomainError('DUPLICATE_CERTIFICATE_NUMBER');
      if (/enrolment_id/.test(where)) throw new DomainError('CERTIFICATE_ALREADY_ISSUED');
      if (/training_enrolments/.test(where)) throw new DomainError('ALREADY_ENROLLED');
    }
    throw err;
  }
}

// ---------------------------------------------------------------- reads

export async function listClasses(db: Db, ctx: Ctx, query: { q?: string; courseKind?: ClassDetail['courseKind']; year?: number; page: number; pageSize: number }): Promise<ClassList> {
  const q = query.q ? normalizeVi(query.q) : undefined;
  const { total, rows } = await repo.listClasses(db, ctx.actor, { ...query, q: q || undefined });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      courseKind: ZCourseKind.parse(r.course_kind),
      name: r.name,
      organization: { id: r.organization_id, name: r.organization_name },
      institution: r.institution,
      startDate: r.start_date,
      endDate: r.end_date,
      sessionCount: r.session_count,
      enrolled: Number(r.enrolled ?? 0),
      passed: Number(r.passed ?? 0),
      certified: Number(r.certified ?? 0),
    })),
  };
}

type EnrolmentListRow = Awaited<ReturnType<typeof repo.listEnrolments>>[number];

function presentEnrolment(r: EnrolmentListRow): Enrolment {
  // exists() answers 1/0 on SQLite and true/false on PostgreSQL.
  const isCandidate = Boolean(Number(r.is_candidate)) || r.is_candidate === true;
  const isMember = Boolean(Number(r.is_member)) || r.is_member === true;
  return {
    id: r.id,
    version: r.version,
    personId: r.person_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    learnerKind: isMember ? 'member' : isCandidate ? 'candidate' : 'other',
    organizationName: (r.organization_name as string | null) ?? null,
    attendedSessions: r.attended_sessions,
    score: r.score_tenths === null ? null : tenthsToScore(r.score_tenths),
    result: r.result === null ? null : ZEnrolmentResult.parse(r.result),
    certificate:
      r.certificate_id === null
        ? null
        : { id: r.certificate_id, number: r.certificate_number!, issuedOn: r.certificate_issued_on!, validUntil: r.certificate_valid_until ?? null },
  };
}

async function loadClass(db: Db | Trx, actor: Actor, id: number) {
  const k = await repo.findClassInScope(db, actor, id);
  if (!k) throw new DomainError('NOT_FOUND');
  return k;
}

export async function getClass(db: Db, ctx: Ctx, id: number): Promise<ClassDetail> {
  const k = await loadClass(db, ctx.actor, id);
  const kind = ZCourseKind.parse(k.course_kind);
  const enrolments = await repo.listEnrolments(db, ctx.actor, id);
  return {
    id: k.id,
    version: k.version,
    courseKind: kind,
    name: k.name,
    organization: { id: k.organization_id, name: k.organization_name },
    institution: k.institution,
    startDate: k.start_date,
    endDate: k.end_date,
    sessionCount: k.session_count,
    certificateValidityMonths: certificateValidityMonths(kind, k.end_date),
    passRule: coursePassRule(k.end_date),
    enrolments: enrolments.map(presentEnrolment),
  };
}

export async function searchLearners(db: Db, ctx: Ctx, q: string) {
  const rows = await repo.searchLearners(db, ctx.actor, normalizeVi(q));
  return {
    items: rows.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      learnerKind: r.learner_kind,
      organizationName: r.organization_name,
    })),
  };
}

/** GET /api/persons/:personId/certificates: the person must be a candidate of a cell in scope or a member in scope. */
export async function getPersonCertificates(db: Db, ctx: Ctx, personId: number) {
  if (!(await repo.isPersonInScope(db, ctx.actor, personId))) throw new DomainError('NOT_FOUND');
  const rows = await repo.listCertificatesOfPerson(db, personId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      courseKind: ZCourseKind.parse(r.course_kind),
      number: r.number,
      issuedOn: r.issued_on,
      validUntil: r.valid_until,
      institution: r.institution,
    })),
  };
}

export async function nextCertificateNumber(db: Db, ctx: Ctx, classId: number, issuedOn: string) {
  const k = await loadClass(db, ctx.actor, classId);
  const year = issueYear(issuedOn);
  return { year, nextNumber: (await repo.maxSequence(db, normalizeVi(k.institution), year)) + 1 };
}

/** The class results as .xlsx; an export of personal data is audited (security.md, Audit). */
export async function exportClassResults(db: Db, ctx: Ctx, id: number): Promise<{ filename: string; buffer: Buffer }> {
  const k = await getClass(db, ctx, id);
  const buffer = await buildClassResultsWorkbook(k);
  await appendAuditAlone(db, ctx, { action: 'training.export', objectType: 'training_class', objectId: id });
  return { filename: `ket-qua-lop-${id}.xlsx`, buffer };
}

// ---------------------------------------------------------------- changes

function checkDates(startDate: string, endDate: string): FieldIssue | null {
  return endDate < startDate ? { path: 'endDate', code: 'END_BEFORE_START' } : null;
}

export async function createClass(db: Db, ctx: Ctx, input: CreateClassInput): Promise<ClassDetail> {
  const id = await inTransaction(db, async (trx) => {
    const org = await repo.findOrganizationInSubtree(trx, ctx.actor, input.organizationId);
    if (!org) throw new DomainError('NOT_FOUND', {}, [{ path: 'organizationId', code: 'not_found' }]);
    if (org.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: org.id, validTo: org.valid_to });
    const issue = checkDates(input.startDate, input.endDate);
    if (issue) invalid(issue);
    const at = ctx.now.toISOString();
    const created = await repo.insertClass(trx, {
      course_kind: input.courseKind,
      name: input.name,
      organization_id: org.id,
      institution: input.institution,
      start_date: input.startDate,
      end_date: input.endDate,
      session_count: input.sessionCount,
      search_text: buildSearchText([input.name, input.institution]),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, ctx, {
      action: 'training.create_class',
      objectType: 'training_class',
      objectId: created.id,
      changedFields: ['courseKind', 'name', 'organizationId', 'institution', 'startDate', 'endDate', 'sessionCount'],
    });
    return created.id;
  });
  return getClass(db, ctx, id);
}

export async function updateClass(db: Db, ctx: Ctx, id: number, input: UpdateClassInput): Promise<ClassDetail> {
  await inTransaction(db, async (trx) => {
    const k = await loadClass(trx, ctx.actor, id);
    if (k.version !== input.version) throw new DomainError('CONFLICT', { id, version: k.version });
    const issue = checkDates(input.startDate, input.endDate);
    if (issue) invalid(issue);
    const before: Record<string, unknown> = { name: k.name, institution: k.institution, startDate: k.start_date, endDate: k.end_date, sessionCount: k.session_count };
    const after: Record<string, unknown> = { name: input.name, institution: input.institution, startDate: input.startDate, endDate: input.endDate, sessionCount: input.sessionCount };
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    if (changed.length === 0) invalid({ path: 'name', code: 'unchanged' });
    // Results depend on the sessions and on the rule in force at the end date: frozen once certificates exist.
    const rejudge = changed.includes('sessionCount') || changed.includes('endDate');
    if (rejudge && (await repo.countCertificatesOfClass(trx, id)) > 0) throw new DomainError('CERTIFICATE_ALREADY_ISSUED', { classId: id });
    const enrolments = await repo.listEnrolmentRows(trx, id);
    const maxAttended = Math.max(0, ...enrolments.map((e) => e.attended_sessions ?? 0));
    if (input.sessionCount < maxAttended) invalid({ path: 'sessionCount', code: 'BELOW_ATTENDED', params: { maxAttended } });
    const at = ctx.now.toISOString();
    const ok = await repo.updateClassIfVersion(trx, id, input.version, {
      name: input.name,
      institution: input.institution,
      start_date: input.startDate,
      end_date: input.endDate,
      session_count: input.sessionCount,
      search_text: buildSearchText([input.name, input.institution]),
      updated_at: at,
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    if (rejudge) {
      const rule = coursePassRule(input.endDate);
      for (const e of enrolments) {
        const result = judgeLearner({ scoreTenths: e.score_tenths, attendedSessions: e.attended_sessions, sessionCount: input.sessionCount }, rule);
        if (result !== e.result) await repo.setEnrolmentResult(trx, e.id, result, at);
      }
    }
    await appendAudit(trx, ctx, { action: 'training.update_class', objectType: 'training_class', objectId: id, changedFields: changed });
  });
  return getClass(db, ctx, id);
}

export async function enrol(db: Db, ctx: Ctx, classId: number, personId: number): Promise<ClassDetail> {
  await inTransaction(db, async (trx) => {
    const k = await loadClass(trx, ctx.actor, classId);
    if (!(await repo.isLearnerInScope(trx, ctx.actor, personId))) throw new DomainError('NOT_FOUND', {}, [{ path: 'personId', code: 'not_found' }]);
    if (await repo.findEnrolmentByPerson(trx, classId, personId)) throw new DomainError('ALREADY_ENROLLED', { personId });
    const at = ctx.now.toISOString();
    const created = await repo.insertEnrolment(trx, {
      class_id: classId,
      person_id: personId,
      attended_sessions: null,
      score_tenths: null,
      result: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    const changed = ['enrolment'];
    // A candidate enrolled in the party-awareness course is now in training (issue 3, item 1).
    const candidacy = await findOpenCandidacyOfPerson(trx, personId);
    if (candidacy && candidacy.status === 'introduced' && k.course_kind === 'party_awareness') {
      const today = todayInVietnam(ctx.now);
      await recordCandidateStatus(trx, ctx, {
        candidateId: candidacy.id,
        status: 'in_training',
        date: today > candidacy.status_changed_on ? today : candidacy.status_changed_on,
        note: k.name,
      });
      changed.push('candidate.status');
    }
    await appendAudit(trx, ctx, { action: 'training.enrol', objectType: 'training_enrolment', objectId: created.id, changedFields: changed });
  });
  return getClass(db, ctx, classId);
}

async function loadEnrolmentForChange(trx: Trx, actor: Actor, id: number, version: number) {
  const e = await repo.findEnrolmentInScope(trx, actor, id);
  if (!e) throw new DomainError('NOT_FOUND');
  if (e.version !== version) throw new DomainError('CONFLICT', { id, version: e.version });
  // A certified result is frozen: the certificate was issued on it.
  if (e.certificate_id !== null) throw new DomainError('CERTIFICATE_ALREADY_ISSUED', { enrolmentId: id });
  return e;
}

/** Inline entry of attendance and score; the result follows R-TRN-01. An unchanged value changes nothing. */
export async function updateEnrolment(db: Db, ctx: Ctx, id: number, input: UpdateEnrolmentInput): Promise<Enrolment> {
  const classId = await inTransaction(db, async (trx) => {
    const e = await loadEnrolmentForChange(trx, ctx.actor, id, input.version);
    const attended = input.attendedSessions === undefined ? e.attended_sessions : input.attendedSessions;
    const scoreTenths = input.score === undefined ? e.score_tenths : input.score === null ? null : scoreToTenths(input.score);
    if (attended !== null && attended > e.session_count) {
      invalid({ path: 'attendedSessions', code: 'ATTENDED_EXCEEDS_SESSIONS', params: { sessionCount: e.session_count } });
    }
    const changed = [
      ...(attended !== e.attended_sessions ? ['attendedSessions'] : []),
      ...(scoreTenths !== e.score_tenths ? ['score'] : []),
    ];
    if (changed.length === 0) return e.class_id;
    const result = judgeLearner({ scoreTenths, attendedSessions: attended, sessionCount: e.session_count }, coursePassRule(e.end_date));
    if (result !== e.result) changed.push('result');
    const ok = await repo.updateEnrolmentIfVersion(trx, id, input.version, {
      attended_sessions: attended,
      score_tenths: scoreTenths,
      result,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'training.assess', objectType: 'training_enrolment', objectId: id, changedFields: changed });
    return e.class_id;
  });
  const [row] = await repo.listEnrolments(db, ctx.actor, classId, id);
  return presentEnrolment(row);
}

export async function removeEnrolment(db: Db, ctx: Ctx, id: number, version: number): Promise<ClassDetail> {
  const classId = await inTransaction(db, async (trx) => {
    const e = await loadEnrolmentForChange(trx, ctx.actor, id, version);
    if (!(await repo.deleteEnrolmentIfVersion(trx, id, version))) throw new DomainError('CONFLICT', { id });
    await appendAudit(trx, ctx, { action: 'training.unenrol', objectType: 'training_enrolment', objectId: id, changedFields: ['enrolment'] });
    return e.class_id;
  });
  return getClass(db, ctx, classId);
}

/**
 * Numbered certificates for learners who passed: numbers run on from `firstNumber` (default: the institution's next
 * free number in the issue year), in the class list's name order; a number already used by the institution that
 * year is refused with DUPLICATE_CERTIFICATE_NUMBER and nothing is issued. Validity per R-ADM-04.
 */
export async function issueCertificates(db: Db, ctx: Ctx, classId: number, input: IssueCertificatesInput): Promise<ClassDetail> {
  const today = todayInVietnam(ctx.now);
  await inTransaction(db, async (trx) => {
    const k = await loadClass(trx, ctx.actor, classId);
    const kind = ZCourseKind.parse(k.course_kind);
    const issues: FieldIssue[] = [];
    if (input.issuedOn < k.end_date) issues.push({ path: 'issuedOn', code: 'BEFORE_CLASS_END', params: { endDate: k.end_date } });
    if (input.issuedOn > today) issues.push({ path: 'issuedOn', code: 'DATE_IN_FUTURE' });
    if (issues.length) invalid(...issues);

    const all = await repo.listEnrolments(trx, ctx.actor, classId);
    let targets: typeof all;
    if (input.enrolmentIds) {
      const wanted = new Set(input.enrolmentIds);
      targets = all.filter((e) => wanted.has(e.id));
      const missing = input.enrolmentIds.filter((id) => !all.some((e) => e.id === id));
      if (missing.length) throw new DomainError('NOT_FOUND', {}, missing.map((id) => ({ path: 'enrolmentIds', code: 'not_found', params: { id } })));
      const notPassed = targets.find((e) => e.result !== 'pass');
      if (notPassed) throw new DomainError('LEARNER_NOT_PASSED', { enrolmentId: notPassed.id, fullName: notPassed.full_name });
      const certified = targets.find((e) => e.certificate_id !== null);
      if (certified) throw new DomainError('CERTIFICATE_ALREADY_ISSUED', { enrolmentId: certified.id, fullName: certified.full_name });
    } else {
      targets = all.filter((e) => e.result === 'pass' && e.certificate_id === null);
      if (targets.length === 0) invalid({ path: 'enrolmentIds', code: 'NONE_TO_ISSUE' });
    }

    const institutionKey = normalizeVi(k.institution);
    const year = issueYear(input.issuedOn);
    const first = input.firstNumber ?? (await repo.maxSequence(trx, institutionKey, year)) + 1;
    const last = first + targets.length - 1;
    const taken = await repo.findTakenSequences(trx, institutionKey, year, first, last);
    if (taken.length) throw new DomainError('DUPLICATE_CERTIFICATE_NUMBER', { number: taken[0].number, year });

    const validUntil = certificateValidUntil(kind, input.issuedOn);
    const at = ctx.now.toISOString();
    await repo.insertCertificates(
      trx,
      targets.map((e, i) => ({
        enrolment_id: e.id,
        person_id: e.person_id,
        class_id: classId,
        course_kind: kind,
        institution: k.institution,
        institution_key: institutionKey,
        issue_year: year,
        sequence: first + i,
        number: formatCertificateNumber(first + i, input.suffix),
        issued_on: input.issuedOn,
        valid_until: validUntil,
        issued_by_user_id: ctx.actor.userId,
        created_at: at,
      })),
    );
    await appendAudit(trx, ctx, {
      action: 'training.issue_certificates',
      objectType: 'training_class',
      objectId: classId,
      changedFields: ['certificates'],
    });
  });
  return getClass(db, ctx, classId);
}
