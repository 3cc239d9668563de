import type { AdmissionCaseDetail } from '../../common/contracts/admission.contract.ts';
import { ZCellResolution, ZOpenAdmissionCase, ZRecordVerificationResult, ZAddOpinion, ZAdmissionDecision, ZGrassrootsResolution } from '../../common/contracts/admission.contract.ts';
import { ZIntroduceCandidate } from '../../common/contracts/candidates.contract.ts';
import { DomainError } from '../../common/errors.ts';
import { addDays, toEpochDay, type IsoDate } from '../../common/rules/iso-date.ts';
import type { Db } from '../db/create-db.ts';
import type { Actor } from '../http/actor.ts';
import * as adm from '../modules/admission/admission.service.ts';
import * as grading from '../modules/grading/grading.service.ts';
import { reviewFlag, runScreening } from '../modules/screening/screening.service.ts';
import type { GradeLevel } from '../../common/rules/grading-rules.ts';
import { introduceCandidate } from '../modules/candidates/candidates.service.ts';
import { createClass, enrol, issueCertificates, updateEnrolment } from '../modules/training/training.service.ts';
import { BITHU1_CELL_CODE, BITHU2_CELL_CODE, FRONT_OFFICER_COMMUNE_CODE } from './demo-accounts.ts';

// The demo's admission cases (issue 3): candidates introduced by mass organizations, trained and certified, and
// carried step by step through the REAL services (candidates, training, admission), each step dated by a ctx.now on
// its own day, so the stored decisions, due dates, refusals, members and audit rows are exactly the modules'.
// Deterministic: fixed names and dates (all before DEMO_REFERENCE_DATE), no clock in the data. Runs after seedDemo
// and seedDemoActivity.
// Grading and screening (issue 5): the 2025 cycles of two grassroots organizations closed, the 2026 cycle of one left
// at self-assessment; a province screening run for 2026 with a few flags reviewed (one per decision) and the rest open.


export interface AdmissionSeedReport {
  cases: number;
  byStatus: Record<string, number>;
  refusals: number;
  gradingCycles: number;
  screeningFlags: number;
  reviewedFlags: number;
}

type Stop = 'introduced' | 'training' | 'application' | 'history' | 'verification' | 'introductions' | 'opinions' | 'cell_resolution' | 'decision' | 'ceremony' | 'probation' | 'refused';

/** Day offsets of each step from the case's opening (weekends are moved to the Monday). */
const OFFSET = {
  introduced: 3,
  training: 7,
  applicationDate: 10,
  historyDate: 14,
  application: 15,
  history: 16,
  verificationSent: 18,
  verified: 40,
  verification: 41,
  introducers: 45,
  introductions: 46,
  opinions: 50,
  opinionsDone: 53,
  cellMeeting: 60,
  grassroots: 67,
  decision: 80,
  received: 82,
  ceremony: 95,
  helper: 97,
} as const;

interface Plan {
  name: string;
  gender: 'male' | 'female';
  birthDate: IsoDate;
  occupation: string;
  cell: 'bithu1' | 'bithu2' | 'front';
  massOrganization: 'youth_union' | 'womens_union' | 'trade_union' | 'fatherland_front';
  massOrganizationName: string;
  /** Where the case waits; 'candidate' = introduced, no case opened yet. */
  stop: Stop | 'candidate';
  /** Opening date of the case. */
  openedOn: IsoDate;
  /** Which training class certifies the person (none: no certificate). */
  klass: 'A' | 'B' | null;
  /** A refused attempt recorded on the way (the rule it breaks). */
  refusal?: 'no_certificate' | 'application_missing';
  /** The cell's vote fails (the case ends refused). */
  voteFails?: boolean;
}

const weekday = (d: IsoDate) => (((toEpochDay(d) + 4) % 7) + 7) % 7;
const workday = (d: IsoDate) => (weekday(d) === 6 ? addDays(d, 2) : weekday(d) === 0 ? addDays(d, 1) : d);
const at = (d: IsoDate) => new Date(`${d}T03:00:00.000Z`);
const on = (open: IsoDate, k: keyof typeof OFFSET) => workday(addDays(open, OFFSET[k]));

const PLANS: Plan[] = [
  { name: 'Ka Sô Liễng Thị Mai', gender: 'female', birthDate: '2001-03-14', occupation: 'Nhân viên bán hàng', cell: 'front', massOrganization: 'youth_union', massOrganizationName: 'Đoàn TNCS Hồ Chí Minh phường Lang Biang – Đà Lạt', stop: 'candidate', openedOn: '2026-11-16', klass: null },
  { name: 'Cil Múp Ha Thương', gender: 'male', birthDate: '1999-08-02', occupation: 'Nông dân', cell: 'front', massOrganization: 'fatherland_front', massOrganizationName: 'Ủy ban MTTQ phường Lang Biang – Đà Lạt', stop: 'introduced', openedOn: '2026-11-09', klass: null },
  { name: 'Phạm Quốc Huy', gender: 'male', birthDate: '1997-11-21', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trường THPT Lang Biang', stop: 'training', openedOn: '2026-10-26', klass: null, refusal: 'no_certificate' },
  { name: 'Lê Thị Thu Hà', gender: 'female', birthDate: '1998-05-09', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'youth_union', massOrganizationName: 'Đoàn Trường THPT Lang Biang', stop: 'training', openedOn: '2026-11-12', klass: 'B' },
  { name: 'Đoàn Minh Tâm', gender: 'male', birthDate: '1995-01-30', occupation: 'Điều dưỡng', cell: 'bithu1', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trung tâm Y tế Lạc Dương', stop: 'application', openedOn: '2026-10-30', klass: 'B', refusal: 'application_missing' },
  { name: 'Nguyễn Thị Kim Oanh', gender: 'female', birthDate: '1996-07-17', occupation: 'Nữ hộ sinh', cell: 'bithu1', massOrganization: 'womens_union', massOrganizationName: 'Chi hội Phụ nữ Trung tâm Y tế Lạc Dương', stop: 'verification', openedOn: '2026-10-05', klass: 'B' },
  { name: 'Bon Niê Ka Dung', gender: 'female', birthDate: '1999-12-05', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'youth_union', massOrganizationName: 'Đoàn Trường THPT Lang Biang', stop: 'opinions', openedOn: '2026-09-28', klass: 'B' },
  { name: 'Trần Văn Phúc', gender: 'male', birthDate: '1994-04-11', occupation: 'Bác sĩ', cell: 'bithu1', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trung tâm Y tế Lạc Dương', stop: 'cell_resolution', openedOn: '2026-09-14', klass: 'B' },
  { name: 'Võ Thị Ngọc Lan', gender: 'female', birthDate: '1993-09-25', occupation: 'Dược sĩ', cell: 'bithu1', massOrganization: 'womens_union', massOrganizationName: 'Chi hội Phụ nữ Trung tâm Y tế Lạc Dương', stop: 'decision', openedOn: '2026-05-11', klass: 'A' },
  { name: 'Hoàng Đức Thịnh', gender: 'male', birthDate: '1996-02-18', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trường THPT Lang Biang', stop: 'ceremony', openedOn: '2026-07-27', klass: 'A' },
  { name: 'Đặng Thị Hồng Nhung', gender: 'female', birthDate: '1997-06-03', occupation: 'Điều dưỡng', cell: 'bithu1', massOrganization: 'youth_union', massOrganizationName: 'Chi đoàn Trung tâm Y tế Lạc Dương', stop: 'probation', openedOn: '2026-01-19', klass: 'A' },
  { name: 'Liêng Jrang K’Hoan', gender: 'male', birthDate: '1995-10-08', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'youth_union', massOrganizationName: 'Đoàn Trường THPT Lang Biang', stop: 'probation', openedOn: '2025-05-26', klass: 'A' },
  { name: 'Mai Văn Khánh', gender: 'male', birthDate: '1992-12-12', occupation: 'Nhân viên hành chính', cell: 'bithu1', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trung tâm Y tế Lạc Dương', stop: 'refused', openedOn: '2026-06-15', klass: 'A', voteFails: true },
];

/** Classes of the party-awareness course: A certifies the earlier cases, B the later ones. */
const CLASSES = {
  A: { name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I/2025', start: '2025-03-03', end: '2025-03-14', issued: '2025-03-20', introducedOn: '2025-02-10' },
  B: { name: 'Lớp bồi dưỡng nhận thức về Đảng khóa II/2025', start: '2025-10-06', end: '2025-10-17', issued: '2025-10-24', introducedOn: '2025-09-08' },
} as const;

async function actorOf(db: Db, username: string): Promise<Actor> {
  const u = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['users.id', 'users.username', 'users.role', 'users.organization_id', 'users.person_id', 'organizations.path'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, role: u.role as Actor['role'], organizationId: u.organization_id, orgPath: u.path, personId: u.person_id, reach: 'subtree' };
}

/** Expects a step to be refused by its rule (the service then keeps the attempt in admission_refusals). */
async function attemptRefused(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'RULE_VIOLATION') return;
    throw err;
  }
  throw new Error('demo admissions: a step meant to be refused was accepted');
}

export async function seedDemoAdmissionsAndGrading(db: Db, opts: { now: Date }): Promise<AdmissionSeedReport> {
  void opts;
  try {
    return await seed(db);
  } catch (err) {
    // A step refused where the demo expected it to pass: name the rules, the demo data is then wrong.
    if (err instanceof DomainError) throw new Error(`demo admissions: ${err.code} ${JSON.stringify(err.params)} ${JSON.stringify(err.fields)}`, { cause: err });
    throw err;
  }
}

async function seed(db: Db): Promise<AdmissionSeedReport> {
  const actors = {
    bithu1: await actorOf(db, 'bithu1'),
    bithu2: await actorOf(db, 'bithu2'),
    tochuc: await actorOf(db, 'tochuc'),
    tuyengiao: await actorOf(db, 'tuyengiao'),
    mttq: await actorOf(db, 'mttq'),
  };
  const cellIdOf = async (code: string) => (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const commune = await db.selectFrom('organizations').select(['id', 'path']).where('code', '=', FRONT_OFFICER_COMMUNE_CODE).executeTakeFirstOrThrow();
  // The front officer's commune: its first current cell (by code) with official members.
  const frontCell = await db
    .selectFrom('organizations')
    .innerJoin('members', 'members.organization_id', 'organizations.id')
    .select(['organizations.id', 'organizations.code'])
    .where('organizations.path', 'like', `${commune.path}%`)
    .where('organizations.kind', 'in', ['cell', 'grassroots_cell'])
    .where('organizations.valid_to', 'is', null)
    .where('members.status', '=', 'official')
    .groupBy(['organizations.id', 'organizations.code'])
    .having((eb) => eb.fn.countAll(), '>=', 3)
    .orderBy('organizations.code')
    .executeTakeFirstOrThrow();
  const cells = { bithu1: await cellIdOf(BITHU1_CELL_CODE), bithu2: await cellIdOf(BITHU2_CELL_CODE), front: frontCell.id };
  const province = await db.selectFrom('organizations').select('id').where('code', '=', 'LD').executeTakeFirstOrThrow();
  const ctxOf = (actor: Actor, d: IsoDate) => ({ requestId: 'demo-admissions', actor, now: at(d) });
  /** Who carries the cell's steps: its secretary; the front officer's cell has no account, the province's officer does. */
  const cellActor = (p: Plan) => (p.cell === 'front' ? actors.tochuc : actors[p.cell]);

  // 1. Candidates introduced by the mass organizations (the front officer in its commune, the secretaries in theirs).
  const persons: number[] = [];
  const candidates: number[] = [];
  for (const p of PLANS) {
    const introducedOn = p.klass ? CLASSES[p.klass].introducedOn : workday(addDays(p.openedOn, -21));
    const introducer = p.cell === 'front' ? actors.mttq : actors[p.cell];
    const input = ZIntroduceCandidate.parse({
      organizationId: cells[p.cell],
      massOrganization: p.massOrganization,
      massOrganizationName: p.massOrganizationName,
      reason: 'Gương mẫu, tích cực trong công tác và phong trào của đơn vị, được quần chúng tín nhiệm.',
      introducedOn,
      person: {
        fullName: p.name,
        gender: p.gender,
        birthDate: p.birthDate,
        hometown: 'Lâm Đồng',
        ethnicityCode: p.name.startsWith('Ka') || p.name.startsWith('Cil') || p.name.startsWith('Bon') || p.name.startsWith('Liêng') ? '16' : '01',
        religionCode: p.name.startsWith('Liêng') ? 'protestantism' : 'none',
        generalEducation: '12/12',
        occupation: p.occupation,
      },
    });
    const view = await introduceCandidate(db, ctxOf(introducer, introducedOn), input);
    candidates.push(view.id);
    persons.push((view as { person?: { id: number } }).person?.id ?? (await db.selectFrom('candidates').select('person_id').where('id', '=', view.id).executeTakeFirstOrThrow()).person_id);
  }

  // 2. The party-awareness course: two classes by the training officer, assessed, certificates issued.
  for (const key of ['A', 'B'] as const) {
    const k = CLASSES[key];
    const learners = PLANS.map((p, i) => (p.klass === key ? persons[i] : null)).filter((x): x is number => x !== null);
    const ctx = ctxOf(actors.tuyengiao, k.end);
    let detail = await createClass(db, ctxOf(actors.tuyengiao, addDays(k.start, -14)), {
      courseKind: 'party_awareness',
      name: k.name,
      organizationId: province.id,
      institution: 'Trung tâm Chính trị huyện Lạc Dương',
      startDate: k.start,
      endDate: k.end,
      sessionCount: 10,
    });
    for (const personId of learners) detail = await enrol(db, ctxOf(actors.tuyengiao, addDays(k.start, -3)), detail.id, personId);
    for (const [i, e] of detail.enrolments.entries()) {
      await updateEnrolment(db, ctx, e.id, { attendedSessions: 10 - (i % 2), score: 7 + (i % 3), version: e.version });
    }
    await issueCertificates(db, ctxOf(actors.tuyengiao, k.issued), detail.id, { issuedOn: k.issued, suffix: 'GCN-TTCT' });
  }

  // 3. The cases, each carried to its stop.
  let refusals = 0;
  for (const [i, p] of PLANS.entries()) {
    if (p.stop === 'candidate') continue;
    const sec = cellActor(p);
    const o = p.openedOn;
    let d: AdmissionCaseDetail = await adm.openCase(
      db,
      ctxOf(sec, o),
      ZOpenAdmissionCase.parse({
        candidateId: candidates[i],
        openedOn: o,
        employerKind: p.cell === 'front' ? 'other' : 'public_service_unit',
        massOrganizations: [{ key: 'cdcs', name: 'Công đoàn cơ sở' }],
      }),
    );
    const id = d.id;
    const step = async (day: IsoDate, s: 'introduced' | 'training' | 'application' | 'history' | 'verification' | 'introductions' | 'opinions') => {
      d = await adm.completeStep(db, ctxOf(sec, day), id, { version: d.version, step: s });
    };
    const done = (s: Stop) => d.status === s || (s === 'refused' && d.status === 'refused');
    if (done(p.stop)) continue;
    await step(on(o, 'introduced'), 'introduced');
    if (p.refusal === 'no_certificate') {
      await attemptRefused(() => adm.completeStep(db, ctxOf(sec, on(o, 'training')), id, { version: d.version, step: 'training' }));
      refusals++;
    }
    if (done(p.stop)) continue;
    await step(on(o, 'training'), 'training');
    if (p.refusal === 'application_missing') {
      await attemptRefused(() => adm.completeStep(db, ctxOf(sec, on(o, 'training')), id, { version: d.version, step: 'application' }));
      refusals++;
    }
    if (done(p.stop)) continue;
    d = await adm.updateFile(db, ctxOf(sec, on(o, 'historyDate')), id, {
      version: d.version,
      applicationDate: on(o, 'applicationDate'),
      historyDate: on(o, 'historyDate'),
      relatives: [
        { key: 'father', relation: 'father', name: `${p.name.split(' ')[0]} Văn Lâm`, birthDate: '1968-03-01', isPartyMember: false, fullyDeclared: false },
        { key: 'mother', relation: 'mother', name: 'Nguyễn Thị Hạnh', birthDate: '1970-05-01', isPartyMember: true, fullyDeclared: true },
      ],
    });
    await step(on(o, 'application'), 'application');
    if (done(p.stop)) continue;
    await step(on(o, 'history'), 'history');
    // Verification: the applicant and the father; the verifier named; a reply pending for the case that waits here.
    const sent = on(o, 'verificationSent');
    for (const subjectKey of ['applicant', 'father']) {
      d = await adm.addVerification(db, ctxOf(sec, sent), id, {
        version: d.version,
        subjectKey,
        requestOrganization: subjectKey === 'applicant' ? 'Đảng ủy Trung tâm Y tế Lạc Dương' : 'Đảng ủy xã Đạ Sar',
        sentOn: sent,
        replyDueOn: workday(addDays(sent, 30)),
        verifierName: 'Nguyễn Văn Thẩm',
      });
    }
    if (done(p.stop)) {
      // One reply is in, the other still awaited.
      const v = d.verifications[0];
      d = await adm.recordVerificationResult(db, ctxOf(sec, addDays(sent, 10)), id, v.id, ZRecordVerificationResult.parse({ version: d.version, verifierName: 'Nguyễn Văn Thẩm', conclusion: 'clear', verifiedOn: addDays(sent, 10) }));
      continue;
    }
    for (const v of d.verifications) {
      d = await adm.recordVerificationResult(db, ctxOf(sec, on(o, 'verified')), id, v.id, ZRecordVerificationResult.parse({ version: d.version, verifierName: 'Nguyễn Văn Thẩm', conclusion: 'clear', verifiedOn: on(o, 'verified') }));
    }
    await step(on(o, 'verification'), 'verification');
    // Introductions: two official members of the cell on that date.
    const introDay = on(o, 'introducers');
    const roll = await adm.getRoll(db, ctxOf(sec, introDay), id, introDay);
    const introducers = roll.items.filter((m) => m.standing === 'official' && !m.exemptedOnRecord && !m.transferredOutOnRecord).slice(0, 2);
    for (const m of introducers) {
      d = await adm.addIntroducer(db, ctxOf(sec, introDay), id, { version: d.version, memberId: m.memberId, sameUnit: true, unitName: d.cell.name, monthsWithApplicant: 24 + (i % 12), introducedOn: introDay });
    }
    await step(on(o, 'introductions'), 'introductions');
    if (done(p.stop)) continue;
    d = await adm.addOpinion(db, ctxOf(sec, on(o, 'opinions')), id, ZAddOpinion.parse({ version: d.version, phase: 'admission', source: 'mass_organization', organizationKey: 'cdcs', organizationName: 'Công đoàn cơ sở', date: on(o, 'opinions') }));
    if (done(p.stop)) continue;
    const residence = workday(addDays(on(o, 'opinions'), 2));
    d = await adm.addOpinion(db, ctxOf(sec, residence), id, ZAddOpinion.parse({ version: d.version, phase: 'admission', source: 'residence_cell_committee', organizationKey: 'noi-cu-tru', organizationName: 'Chi ủy nơi cư trú', date: residence }));
    await step(on(o, 'opinionsDone'), 'opinions');
    if (done(p.stop)) continue;
    // The cell votes: everyone on the roll attends (those away or exempted as recorded).
    const meeting = on(o, 'cellMeeting');
    const cellRoll = (await adm.getRoll(db, ctxOf(sec, meeting), id, meeting)).items;
    const present = cellRoll.filter((m) => !m.exemptedOnRecord && !m.transferredOutOnRecord);
    const voters = present.filter((m) => m.standing === 'official').length;
    const approve = p.voteFails ? Math.floor(voters / 2) : voters - (voters > 6 ? 1 : 0);
    d = await adm.recordCellResolution(
      db,
      ctxOf(sec, meeting),
      id,
      ZCellResolution.parse({
        version: d.version,
        meetingDate: meeting,
        presentMemberIds: present.map((m) => m.memberId),
        temporarilyTransferredOutMemberIds: cellRoll.filter((m) => m.transferredOutOnRecord).map((m) => m.memberId),
        exemptedMemberIds: cellRoll.filter((m) => m.exemptedOnRecord && !m.transferredOutOnRecord).map((m) => m.memberId),
        approve,
        reject: voters - approve,
        document: { number: `${String(i + 1).padStart(2, '0')}-NQ/CB`, date: meeting, issuer: d.cell.name },
      }),
    );
    if (done(p.stop)) continue;
    if (d.status === 'grassroots_resolution') {
      const g = on(o, 'grassroots');
      d = await adm.recordGrassrootsResolution(db, ctxOf(actors.tochuc, g), id, ZGrassrootsResolution.parse({ version: d.version, date: g, committeeSize: 7, approve: 7, reject: 0 }));
    }
    if (done(p.stop)) continue;
    const decided = on(o, 'decision');
    const body = d.competentBodies.admission;
    if (!body) throw new Error(`demo admissions: no competent body for case ${id}`);
    d = await adm.recordDecision(
      db,
      ctxOf(actors.tochuc, on(o, 'received')),
      id,
      ZAdmissionDecision.parse({
        version: d.version,
        date: decided,
        decidingOrganizationId: body.id,
        admitted: true,
        receivedOn: on(o, 'received'),
        committeeVote: { committeeSize: 9, approve: 8, reject: 0 },
        document: { number: `${100 + i}-QĐ/ĐU`, date: decided, issuer: body.name },
      }),
    );
    if (done(p.stop)) continue;
    d = await adm.recordCeremony(db, ctxOf(sec, on(o, 'ceremony')), id, { version: d.version, date: on(o, 'ceremony'), superiorApproval: null });
    // A helper during probation: the first introducer.
    if (introducers[0]) d = await adm.assignProbationHelper(db, ctxOf(sec, on(o, 'helper')), id, { version: d.version, memberId: introducers[0].memberId, assignedOn: on(o, 'helper') });
    if (d.status !== p.stop) throw new Error(`demo admissions: case ${id} at ${d.status}, meant ${p.stop}`);
  }

  const rows = await db.selectFrom('admission_cases').select('status').where('opened_by_user_id', 'in', Object.values(actors).map((a) => a.userId)).execute();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const gradingCycles = await seedGrading(db, actors.tochuc);
  const { flags, reviewed } = await seedScreening(db, actors.tochuc, await cellIdOf(BITHU1_CELL_CODE));
  return { cases: rows.length, byStatus, refusals, gradingCycles, screeningFlags: flags, reviewedFlags: reviewed };
}

// ---------------------------------------------------------------- grading (issue 5)

const COND_FULL = { allTasksOnTime: true, tasksWithQuality: true, tasksTotal: 10, tasksExceeded: 4, earlierShortcomingsFixed: true, disqualifyingFindings: [] };
const COND_LATE = { allTasksOnTime: false, tasksWithQuality: true, tasksTotal: 8, tasksExceeded: 0, earlierShortcomingsFixed: true, disqualifyingFindings: [] };

/** Scores giving each level (general out of 30, task_results out of 70), varied by the member's place on the roster. */
function assessmentFor(level: GradeLevel, i: number) {
  switch (level) {
    case 'excellent':
      return { scores: { general: 28, task_results: 63 + (i % 4) }, conditions: COND_FULL, comment: 'Hoàn thành xuất sắc nhiệm vụ chuyên môn, vượt nhiều chỉ tiêu.' };
    case 'good':
      return { scores: { general: 22 + (i % 5), task_results: 52 + (i % 7) }, conditions: { ...COND_FULL, tasksExceeded: i % 3 }, comment: 'Hoàn thành tốt nhiệm vụ được giao.' };
    case 'completed':
      return { scores: { general: 20, task_results: 40 + (i % 5) }, conditions: COND_LATE, comment: 'Một số nhiệm vụ còn chậm tiến độ.' };
    case 'not_completed':
      return { scores: { general: 14, task_results: 28 }, conditions: { ...COND_LATE, tasksWithQuality: false, earlierShortcomingsFixed: false }, comment: 'Chưa khắc phục hạn chế đã chỉ ra năm trước.' };
  }
}

/** Levels of a roster of n: one not completed, about one in five completed, excellent within the 20 % quota. */
function levelsFor(n: number): GradeLevel[] {
  const levels: GradeLevel[] = Array.from({ length: n }, (_, i) => (i === n - 1 && n > 2 ? 'not_completed' : i % 5 === 3 ? 'completed' : 'good'));
  const good = levels.filter((l) => l === 'good').length;
  const excellent = Math.min(3, Math.floor((good * 20) / 100));
  for (let i = 0, k = 0; i < n && k < excellent; i++) if (levels[i] === 'good') (levels[i] = 'excellent'), k++;
  return levels;
}

const GRADING_ORGS = ['LD.HLD.TTYT', 'LD.HLD.THPTLB'] as const;

async function seedGrading(db: Db, officer: Actor): Promise<number> {
  const ctxOn = (d: IsoDate) => ({ requestId: 'demo-grading', actor: officer, now: at(d) });
  let closed = 0;
  for (const code of GRADING_ORGS) {
    const orgId = (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    let c = await grading.createCycle(db, ctxOn('2025-11-24'), { organizationId: orgId, year: 2025 });
    c = await grading.advanceCycle(db, ctxOn('2025-12-01'), c.id, { to: 'self_assessment', version: c.version });
    const graded = c.entries.filter((e) => e.roster === 'graded').sort((a, b) => a.member.id - b.member.id);
    const levels = levelsFor(graded.length);
    for (const [i, e] of graded.entries()) {
      const a = assessmentFor(levels[i], i);
      await grading.saveSelfAssessment(db, ctxOn(workday(addDays('2025-12-03', i % 7))), e.id, { ...a, version: e.version });
    }
    c = await grading.getCycle(db, ctxOn('2025-12-15'), c.id);
    c = await grading.advanceCycle(db, ctxOn('2025-12-15'), c.id, { to: 'cell_proposal', version: c.version });
    for (const e of c.entries.filter((x) => x.roster === 'graded')) {
      await grading.saveProposal(db, ctxOn('2025-12-17'), e.id, { level: e.allowed!.level, comment: 'Chi bộ đề xuất theo kết quả tự đánh giá.', reason: null, version: e.version });
    }
    c = await grading.getCycle(db, ctxOn('2025-12-22'), c.id);
    c = await grading.advanceCycle(db, ctxOn('2025-12-22'), c.id, { to: 'committee_decision', version: c.version });
    for (const e of c.entries.filter((x) => x.roster === 'graded')) {
      await grading.saveDecision(db, ctxOn('2025-12-24'), e.id, { level: e.proposal!.level, reason: null, scores: null, conditions: null, version: e.version });
    }
    c = await grading.getCycle(db, ctxOn('2025-12-26'), c.id);
    await grading.closeCycle(db, ctxOn('2025-12-26'), c.id, { quotaJustification: null, version: c.version });
    closed++;
  }
  // 2026: the health centre's cycle is open for self-assessment; two members have filled theirs.
  const orgId = (await db.selectFrom('organizations').select('id').where('code', '=', GRADING_ORGS[0]).executeTakeFirstOrThrow()).id;
  let c = await grading.createCycle(db, ctxOn('2026-11-16'), { organizationId: orgId, year: 2026 });
  c = await grading.advanceCycle(db, ctxOn('2026-11-18'), c.id, { to: 'self_assessment', version: c.version });
  const graded = c.entries.filter((e) => e.roster === 'graded').sort((a, b) => a.member.id - b.member.id);
  for (const [i, e] of graded.slice(0, 2).entries()) await grading.saveSelfAssessment(db, ctxOn('2026-11-20'), e.id, { ...assessmentFor('good', i), version: e.version });
  return closed;
}

// ---------------------------------------------------------------- screening (issue 5)

/**
 * A province run for 2026, then one review of each closing decision but removal (no action with a reason, an
 * education plan, a discipline referral), each on a flag of a different kind outside bithu1's cell (the e2e journey
 * screens that cell); the other flags stay open.
 */
async function seedScreening(db: Db, officer: Actor, bithu1CellId: number): Promise<{ flags: number; reviewed: number }> {
  const province = await db.selectFrom('organizations').select(['id', 'path']).where('code', '=', 'LD').executeTakeFirstOrThrow();
  const runOn: IsoDate = '2026-11-20';
  await runScreening(db, { organizationId: province.id, path: province.path, year: 2026, asOf: runOn, trigger: 'manual', startedBy: officer.userId }, at(runOn), () => at(runOn));
  const flags = await db.selectFrom('screening_flags').select(['id', 'kind', 'organization_id']).orderBy('id').execute();
  const ctx = { requestId: 'demo-screening', actor: officer, now: at('2026-11-24') };
  const used = new Set<string>();
  const pick = (prefer: readonly string[]) => {
    const candidates = flags.filter((f) => f.organization_id !== bithu1CellId && !used.has(f.kind));
    const f = prefer.map((k) => candidates.find((x) => x.kind === k)).find((x) => x) ?? candidates[0];
    if (!f) throw new Error('demo screening: too few kinds of flags to review');
    used.add(f.kind);
    return f;
  };
  const noAction = pick(['transfer_overdue', 'probation_overdue', 'no_assignment']);
  await reviewFlag(db, ctx, noAction.id, { decision: 'no_action', reason: 'Đã xác minh: đảng viên có lý do chính đáng (điều trị dài ngày), chi bộ đã theo dõi và có xác nhận.' });
  const education = pick(['missed_activities', 'unpaid_dues', 'low_prestige']);
  await reviewFlag(db, ctx, education.id, { decision: 'education_plan', note: 'Chi bộ phân công đảng viên giúp đỡ, kiểm điểm lại sau 6 tháng.' });
  const discipline = pick(['discipline_or_violation', 'unpaid_dues', 'missed_activities']);
  await reviewFlag(db, ctx, discipline.id, {
    decision: 'discipline_referral',
    description: 'Chuyển Ủy ban Kiểm tra xem xét vi phạm được phát hiện qua rà soát.',
    reference: null,
    warrantsExpulsion: false,
    note: null,
  });
  return { flags: flags.length, reviewed: 3 };
}
