import type { AdmissionCaseDetail } from '../../common/contracts/admission.contract.ts';
import { ZCellResolution, ZOpenAdmissionCase, ZRecordVerificationResult, ZAddOpinion, ZAdmissionDecision, ZGrassrootsResolution } from '../../common/contracts/admission.contract.ts';
import { ZIntroduceCandidate } from '../../common/contracts/candidates.contract.ts';
import type { CycleDetail } from '../../common/contracts/grading.contract.ts';
import { DomainError } from '../../common/errors.ts';
import { addDays, toEpochDay, type IsoDate } from '../../common/rules/iso-date.ts';
import type { Db } from '../db/create-db.ts';
import type { Actor } from '../http/actor.ts';
import * as adm from '../modules/admission/admission.service.ts';
import * as grading from '../modules/grading/grading.service.ts';
import { FLAG_DECISIONS, type FlagDecisionKind, type ReviewFlagInput } from '../../common/contracts/screening.contract.ts';
import { FLAG_KINDS, type FlagKind } from '../../common/rules/screening-engine.ts';
import { recordFrontOpinion, recordViolation } from '../modules/conduct/conduct.service.ts';
import { createAssignment } from '../modules/assignments/assignments.service.ts';
import { concludeReferral, createReferral } from '../modules/removal/removal.service.ts';
import { reviewFlag, runScreening } from '../modules/screening/screening.service.ts';
import { sweepEscalations } from '../modules/screening/screening.sweep.ts';
import type { GradeLevel } from '../../common/rules/grading-rules.ts';
import { introduceCandidate } from '../modules/candidates/candidates.service.ts';
import { createClass, enrol, issueCertificates, updateEnrolment } from '../modules/training/training.service.ts';
import { BITHU1_CELL_CODE, BITHU2_CELL_CODE, FRONT_OFFICER_COMMUNE_CODE, PLANTED_MEMBERS } from './demo-accounts.ts';
import { DEMO_REFERENCE_DATE } from './demo-plan.ts';

// The demo's admission cases (issue 3): candidates introduced by mass organizations, trained and certified, and
// carried step by step through the REAL services (candidates, training, admission), each step dated by a ctx.now on
// its own day, so the stored decisions, due dates, refusals, members and audit rows are exactly the modules'.
// Deterministic: fixed names and dates (all before DEMO_REFERENCE_DATE), no clock in the data. Runs after seedDemo
// and seedDemoActivity.
// Grading and screening (issue 5): two years of grading (2025 closed in the health centre and the high school, 2026
// closed in the high school and open at self-assessment in the health centre); conduct records (party discipline,
// state discipline, law violations, the Front's opinions); screening for 2026 (bithu2's cell in September, the
// province on 20/11) raising every kind of flag at least twice, with reviews of every kind and every decision, flags
// left open of every kind, and two overdue flags escalated. See seedGrading and seedScreening.


export interface AdmissionSeedReport {
  cases: number;
  byStatus: Record<string, number>;
  refusals: number;
  grading: GradingSeedReport;
  screening: ScreeningSeedReport;
  /** One line for the CLI. */
  summary: string;
}

type Stop =
  | 'introduced'
  | 'training'
  | 'application'
  | 'history'
  | 'verification'
  | 'introductions'
  | 'opinions'
  | 'cell_resolution'
  | 'decision'
  | 'ceremony'
  | 'probation'
  | 'cell_recognition_vote'
  | 'refused';

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
  /** nn: the health centre's internal-medicine cell (no account: the province's officer carries its steps). */
  cell: 'bithu1' | 'bithu2' | 'front' | 'nn';
  massOrganization: 'youth_union' | 'womens_union' | 'trade_union' | 'fatherland_front';
  massOrganizationName: string;
  /** Where the case waits; 'candidate' = introduced, no case opened yet. */
  stop: Stop | 'candidate';
  /** Opening date of the case. */
  openedOn: IsoDate;
  /** Which training class certifies the person (none: no certificate). */
  klass: 'A' | 'B' | 'C' | null;
  /** A refused attempt recorded on the way (the rule it breaks). */
  refusal?: 'no_certificate' | 'application_missing';
  /** The cell's vote fails (the case ends refused). */
  voteFails?: boolean;
}

const weekday = (d: IsoDate) => (((toEpochDay(d) + 4) % 7) + 7) % 7;
const workday = (d: IsoDate) => (weekday(d) === 6 ? addDays(d, 2) : weekday(d) === 0 ? addDays(d, 1) : d);
const at = (d: IsoDate) => new Date(`${d}T03:00:00.000Z`);
/** dd/mm/yyyy, as Vietnamese documents write a date. */
const viDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
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
  // Probation long over and recognition never decided (R-REC-04/05): screening raises probation_overdue for both.
  { name: 'Nguyễn Hữu Trí', gender: 'male', birthDate: '1993-03-22', occupation: 'Giáo viên', cell: 'bithu2', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trường THPT Lang Biang', stop: 'cell_recognition_vote', openedOn: '2024-10-07', klass: 'C' },
  { name: 'Phan Thị Mỹ Duyên', gender: 'female', birthDate: '1996-10-30', occupation: 'Điều dưỡng', cell: 'nn', massOrganization: 'youth_union', massOrganizationName: 'Chi đoàn Trung tâm Y tế Lạc Dương', stop: 'cell_recognition_vote', openedOn: '2025-01-13', klass: 'C' },
  { name: 'Mai Văn Khánh', gender: 'male', birthDate: '1992-12-12', occupation: 'Nhân viên hành chính', cell: 'bithu1', massOrganization: 'trade_union', massOrganizationName: 'Công đoàn Trung tâm Y tế Lạc Dương', stop: 'refused', openedOn: '2026-06-15', klass: 'A', voteFails: true },
];

/** Classes of the party-awareness course: C (2024) certifies the two oldest cases, A the earlier ones, B the later ones. */
const CLASSES = {
  C: { name: 'Lớp bồi dưỡng nhận thức về Đảng khóa II/2024', start: '2024-08-05', end: '2024-08-16', issued: '2024-08-23', introducedOn: '2024-07-08' },
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
  const cells = { bithu1: await cellIdOf(BITHU1_CELL_CODE), bithu2: await cellIdOf(BITHU2_CELL_CODE), front: frontCell.id, nn: await cellIdOf('LD.HLD.TTYT.NN') };
  const province = await db.selectFrom('organizations').select('id').where('code', '=', 'LD').executeTakeFirstOrThrow();
  const ctxOf = (actor: Actor, d: IsoDate) => ({ requestId: 'demo-admissions', actor, now: at(d) });
  /** Who carries the cell's steps: its secretary; the front officer's cell has no account, the province's officer does. */
  const cellActor = (p: Plan) => (p.cell === 'front' || p.cell === 'nn' ? actors.tochuc : actors[p.cell]);

  // 1. Candidates introduced by the mass organizations (the front officer in its commune, the secretaries in theirs).
  const persons: number[] = [];
  const candidates: number[] = [];
  for (const p of PLANS) {
    const introducedOn = p.klass ? CLASSES[p.klass].introducedOn : workday(addDays(p.openedOn, -21));
    const introducer = p.cell === 'front' ? actors.mttq : cellActor(p);
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
  for (const key of ['C', 'A', 'B'] as const) {
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
    if (done(p.stop)) continue;
    // Probation over (R-REC-01): ended on the next working day, as the deadline sweep does; the case then waits for the
    // cell's vote (R-REC-04) and the committee's decision (R-REC-05), which never came: long overdue by November 2026.
    const probationEnd = String(d.dueDates.probationEnd);
    d = await adm.endProbationStep(db, ctxOf(sec, workday(addDays(probationEnd, 1))), id, d.version);
    if (d.status !== p.stop) throw new Error(`demo admissions: case ${id} at ${d.status}, meant ${p.stop}`);
  }

  const rows = await db.selectFrom('admission_cases').select('status').where('opened_by_user_id', 'in', Object.values(actors).map((a) => a.userId)).execute();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  // Grading and screening: the conduct records first (dated before the grading and the runs that read them).
  const avoid = await accountAndPlantedMembers(db);
  const sources = await seedConductSources(db, actors, memberPicker(db, avoid));
  const grades = await seedGrading(db, actors.tochuc, avoid);
  const screening = await seedScreening(db, actors, await cellIdOf(BITHU1_CELL_CODE), sources, grades);
  const kinds = Object.entries(screening.byKind).map(([k, v]) => `${k} ${v.raised}/${v.reviewed}/${v.open}`).join(', ');
  return {
    cases: rows.length,
    byStatus,
    refusals,
    grading: grades,
    screening,
    summary:
      `${rows.length} admission cases; grading closed ${grades.closed.join(', ')}, open ${grades.open.join(', ')}; ` +
      `screening 2026: ${screening.flags} flags, ${screening.reviewed} reviewed, ${screening.open} open (${screening.overdue} overdue, ${screening.escalated} escalated); ` +
      `by kind raised/reviewed/open: ${kinds}`,
  };
}

/** Members the demo's conduct and grading choices leave alone: the accounts' own persons and the planted members. */
async function accountAndPlantedMembers(db: Db): Promise<Set<number>> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('persons', 'persons.id', 'members.person_id')
    .select('members.id')
    .where((eb) =>
      eb.or([eb('persons.full_name', 'in', Object.values(PLANTED_MEMBERS)), eb.exists(eb.selectFrom('users').select('users.id').whereRef('users.person_id', '=', 'members.person_id'))]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- grading (issue 5)

// Two years of grading, every step through the grading service: the 2025 cycles of the health centre (LD.HLD.TTYT)
// and the high school (LD.HLD.THPTLB) closed in December 2025; the high school's 2026 cycle closed on 17/11/2026,
// before the province's screening run of 20/11 (so R-RMV-02 sees both years), the health centre's 2026 cycle open at
// self-assessment (two members have filled theirs). In the high school two official members are `not_completed` in
// 2025 and again in 2026 (screening raises not_completed_two_years, R-RMV-02), one only in 2025 (improved to
// `completed` in 2026) and one only in 2026: neither of those two is flagged. Excellent stays within R-GRD-01's 20 %
// of those graded good in every cycle, so no quota justification is needed.

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

type Entry = CycleDetail['entries'][number];

/**
 * Levels of a roster (in member-id order): the fixed ones as given, otherwise about one in five completed and the
 * rest good, then the first good ones made excellent within R-GRD-01 (at most 20 % of the good, at most three).
 */
function levelsFor(graded: readonly Entry[], fixed: ReadonlyMap<number, GradeLevel>): GradeLevel[] {
  const levels = graded.map((e, i): GradeLevel => fixed.get(e.member.id) ?? (i % 5 === 3 ? 'completed' : 'good'));
  const good = levels.filter((l) => l === 'good').length;
  const excellent = Math.min(3, Math.floor((good * 20) / 100));
  for (let i = 0, k = 0; i < levels.length && k < excellent; i++) if (levels[i] === 'good' && !fixed.has(graded[i].member.id)) (levels[i] = 'excellent'), k++;
  return levels;
}

/** The days of a cycle's steps (working days). */
interface CycleDays {
  created: IsoDate;
  selfAssessment: IsoDate;
  /** Self-assessments are entered over the working days from this one, five members a day in turn. */
  assessedFrom: IsoDate;
  proposal: IsoDate;
  proposed: IsoDate;
  committee: IsoDate;
  decided: IsoDate;
  closed: IsoDate;
}

const DAYS_2025: CycleDays = { created: '2025-11-24', selfAssessment: '2025-12-01', assessedFrom: '2025-12-03', proposal: '2025-12-15', proposed: '2025-12-17', committee: '2025-12-22', decided: '2025-12-24', closed: '2025-12-26' };
const DAYS_2026: CycleDays = { created: '2026-11-02', selfAssessment: '2026-11-03', assessedFrom: '2026-11-04', proposal: '2026-11-10', proposed: '2026-11-11', committee: '2026-11-12', decided: '2026-11-13', closed: '2026-11-17' };

const GRADING_ORGS = { health: 'LD.HLD.TTYT', school: 'LD.HLD.THPTLB' } as const;

export interface GradingSeedReport {
  /** The closed cycles, 'LD.HLD.THPTLB 2026' and the like. */
  closed: string[];
  /** The cycles still open, with their step. */
  open: string[];
  /** Members of the high school graded not_completed in both 2025 and 2026 (R-RMV-02). */
  notCompletedTwoYears: number[];
  /** Members graded not_completed in one of the two years only (not flagged). */
  notCompletedOneYear: number[];
}

async function seedGrading(db: Db, officer: Actor, avoid: ReadonlySet<number>): Promise<GradingSeedReport> {
  const ctxOn = (d: IsoDate) => ({ requestId: 'demo-grading', actor: officer, now: at(d) });
  const orgIdOf = async (code: string) => (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  /** One cycle carried to its close; `fixedOf` sets some members' levels (by member id) from the graded roster. */
  const closedCycle = async (code: string, year: number, days: CycleDays, fixedOf: (graded: readonly Entry[]) => Map<number, GradeLevel>) => {
    let c = await grading.createCycle(db, ctxOn(days.created), { organizationId: await orgIdOf(code), year });
    c = await grading.advanceCycle(db, ctxOn(days.selfAssessment), c.id, { to: 'self_assessment', version: c.version });
    const graded = c.entries.filter((e) => e.roster === 'graded').sort((a, b) => a.member.id - b.member.id);
    const levels = levelsFor(graded, fixedOf(graded));
    for (const [i, e] of graded.entries()) {
      await grading.saveSelfAssessment(db, ctxOn(workday(addDays(days.assessedFrom, i % 5))), e.id, { ...assessmentFor(levels[i], i), version: e.version });
    }
    c = await grading.getCycle(db, ctxOn(days.proposal), c.id);
    c = await grading.advanceCycle(db, ctxOn(days.proposal), c.id, { to: 'cell_proposal', version: c.version });
    for (const e of c.entries.filter((x) => x.roster === 'graded')) {
      await grading.saveProposal(db, ctxOn(days.proposed), e.id, { level: e.allowed!.level, comment: 'Chi bộ đề xuất theo kết quả tự đánh giá.', reason: null, version: e.version });
    }
    c = await grading.getCycle(db, ctxOn(days.committee), c.id);
    c = await grading.advanceCycle(db, ctxOn(days.committee), c.id, { to: 'committee_decision', version: c.version });
    for (const e of c.entries.filter((x) => x.roster === 'graded')) {
      await grading.saveDecision(db, ctxOn(days.decided), e.id, { level: e.proposal!.level, reason: null, scores: null, conditions: null, version: e.version });
    }
    c = await grading.getCycle(db, ctxOn(days.closed), c.id);
    c = await grading.closeCycle(db, ctxOn(days.closed), c.id, { quotaJustification: null, version: c.version });
    const levelOf = new Map(c.entries.filter((e) => e.roster === 'graded').map((e) => [e.member.id, e.decision?.level ?? null]));
    return { code, year, levelOf };
  };
  /** The last official members of a roster (member-id order): the ones the demo marks not completed. */
  const lastOfficial = (graded: readonly Entry[], n: number, skip: ReadonlySet<number> = new Set()) =>
    graded.filter((e) => e.member.status === 'official' && !avoid.has(e.member.id) && !skip.has(e.member.id)).slice(-n).map((e) => e.member.id);

  // 2025: one member not completed in the health centre; three in the high school.
  await closedCycle(GRADING_ORGS.health, 2025, DAYS_2025, (g) => new Map(lastOfficial(g, 1).map((id) => [id, 'not_completed'])));
  let school2025: number[] = [];
  await closedCycle(GRADING_ORGS.school, 2025, DAYS_2025, (g) => {
    school2025 = lastOfficial(g, 3);
    return new Map(school2025.map((id) => [id, 'not_completed']));
  });
  // 2026 in the high school: the first two of them again (R-RMV-02), the third improved; a fourth member not completed
  // for the first time.
  let twice: number[] = [];
  let improved: number[] = [];
  let firstTime: number[] = [];
  await closedCycle(GRADING_ORGS.school, 2026, DAYS_2026, (g) => {
    const graded = new Set(g.map((e) => e.member.id));
    const again = school2025.filter((id) => graded.has(id));
    if (again.length < 2) throw new Error(`demo grading: only ${again.length} of the 2025 not-completed members graded again in 2026`);
    twice = again.slice(0, 2);
    improved = again.slice(2);
    firstTime = lastOfficial(g, 1, new Set(school2025));
    return new Map<number, GradeLevel>([...twice.map((id) => [id, 'not_completed'] as const), ...improved.map((id) => [id, 'completed'] as const), ...firstTime.map((id) => [id, 'not_completed'] as const)]);
  });

  // 2026 in the health centre: open for self-assessment; two members have filled theirs.
  let c = await grading.createCycle(db, ctxOn('2026-11-16'), { organizationId: await orgIdOf(GRADING_ORGS.health), year: 2026 });
  c = await grading.advanceCycle(db, ctxOn('2026-11-18'), c.id, { to: 'self_assessment', version: c.version });
  const graded = c.entries.filter((e) => e.roster === 'graded').sort((a, b) => a.member.id - b.member.id);
  for (const [i, e] of graded.slice(0, 2).entries()) await grading.saveSelfAssessment(db, ctxOn('2026-11-20'), e.id, { ...assessmentFor('good', i), version: e.version });

  return {
    closed: [`${GRADING_ORGS.health} 2025`, `${GRADING_ORGS.school} 2025`, `${GRADING_ORGS.school} 2026`],
    open: [`${GRADING_ORGS.health} 2026 (self_assessment)`],
    notCompletedTwoYears: twice,
    notCompletedOneYear: [...improved, ...firstTime],
  };
}

// ---------------------------------------------------------------- screening (issue 5)

// What screening reads besides party life and grading, recorded through the modules' services on their own days:
// party discipline concluded on discipline referrals (removal service), violations of state discipline and of the law
// recorded from the deciding body's document and the Fatherland Front's opinions of 2026 (conduct service). Screening
// then raises discipline_or_violation for each such member and low_prestige for a low Front opinion (R-RMV-06), besides
// the low residence-cell opinions of the party-life seed.

interface MemberPicker {
  /** The `nth` (0-based) ordinary official member of a current cell, by member id: not an account's person, not a
   *  planted member, not exempted, never transferred, not picked before. */
  (cellCode: string, nth?: number): Promise<number>;
}

function memberPicker(db: Db, avoid: Set<number>): MemberPicker {
  return async (cellCode, nth = 0) => {
    const rows = await db
      .selectFrom('members')
      .innerJoin('organizations', 'organizations.id', 'members.organization_id')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id'])
      .where('organizations.code', '=', cellCode)
      .where('members.status', '=', 'official')
      .where('persons.full_name', 'not in', Object.values(PLANTED_MEMBERS))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select('users.id').whereRef('users.person_id', '=', 'members.person_id'))))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('exemptions').select('exemptions.id').whereRef('exemptions.member_id', '=', 'members.id'))))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('transfers').select('transfers.id').whereRef('transfers.member_id', '=', 'members.id'))))
      .orderBy('members.id')
      .execute();
    const m = rows.filter((r) => !avoid.has(r.id))[nth];
    if (!m) throw new Error(`demo screening: no ordinary member left in ${cellCode}`);
    avoid.add(m.id);
    return m.id;
  };
}

/** Members the demo's conduct records are about, by what screening should raise for them. */
interface ConductSources {
  /** Party discipline concluded in 2026 (discipline_referrals): reprimand in the high school, warning in Đam Rông 2. */
  partyDiscipline: { reprimand: number; warning: number };
  /** Violations recorded in 2026 (violation_records). */
  violations: { stateDiscipline: number; landSanction: number; trafficSanction: number };
  /** Low Front opinions of 2026 (front_opinions). */
  frontLow: number[];
}

async function seedConductSources(db: Db, actors: { tochuc: Actor; mttq: Actor }, pick: MemberPicker): Promise<ConductSources> {
  const ctxOf = (actor: Actor, d: IsoDate) => ({ requestId: 'demo-conduct', actor, now: at(d) });
  const officer = actors.tochuc;

  // Party discipline (R-DIS): the cell's report, the competent committee's conclusion short of expulsion.
  const discipline = async (memberId: number, c: { referredOn: IsoDate; reference: string; description: string; concludedOn: IsoDate; outcome: 'reprimand' | 'warning'; conclusionRef: string }) => {
    const r = await createReferral(db, ctxOf(officer, c.referredOn), { memberId, referredOn: c.referredOn, reference: c.reference, description: c.description, warrantsExpulsion: false });
    await concludeReferral(db, ctxOf(officer, c.concludedOn), r.id, { concludedOn: c.concludedOn, outcome: c.outcome, conclusionRef: c.conclusionRef, version: r.version });
    return memberId;
  };
  const reprimand = await discipline(await pick('LD.HLD.THPTLB.TN'), {
    referredOn: '2026-03-16',
    reference: 'Báo cáo số 02-BC/CB ngày 16/3/2026 của Chi bộ Tổ Tự nhiên',
    description: 'Vi phạm quy định về dạy thêm, học thêm (Thông tư 29/2024/TT-BGDĐT): tổ chức dạy thêm có thu tiền đối với học sinh lớp mình chủ nhiệm; phụ huynh phản ánh.',
    concludedOn: '2026-04-22',
    outcome: 'reprimand',
    conclusionRef: 'Quyết định số 03-QĐ/ĐU ngày 22/4/2026 của Đảng ủy Trường THPT Lang Biang',
  });
  const warning = await discipline(await pick('LD.DR2.UB'), {
    referredOn: '2026-06-08',
    reference: 'Tờ trình số 07-TTr/CB ngày 08/6/2026 của Chi bộ Cơ quan Ủy ban nhân dân xã Đam Rông 2',
    description: 'Thiếu trách nhiệm trong thẩm định hồ sơ cấp giấy chứng nhận quyền sử dụng đất, để cấp sai diện tích cho 03 hộ dân.',
    concludedOn: '2026-07-15',
    outcome: 'warning',
    conclusionRef: 'Quyết định số 15-QĐ/ĐU ngày 15/7/2026 của Đảng ủy xã Đam Rông 2',
  });

  // Violations outside the party, recorded by the cell a few days after the deciding body's document reached it.
  const violation = async (memberId: number, v: { kind: 'state_discipline' | 'law_violation'; decidedOn: IsoDate; decidedBy: string; reference: string; form: 'reprimand' | 'administrative_sanction'; description: string }) => {
    await recordViolation(db, ctxOf(officer, workday(addDays(v.decidedOn, 7))), memberId, v);
    return memberId;
  };
  const stateDiscipline = await violation(await pick('LD.HLD.TTYT.NS'), {
    kind: 'state_discipline',
    decidedOn: '2026-06-15',
    decidedBy: 'Trung tâm Y tế Lạc Dương',
    reference: '112/QĐ-TTYT',
    form: 'reprimand',
    description: 'Khiển trách (Luật Viên chức, Điều 52): vi phạm quy chế trực, chậm xử trí người bệnh cấp cứu trong ca trực đêm 02/5/2026.',
  });
  const landSanction = await violation(await pick('LD.DR3.LBN'), {
    kind: 'law_violation',
    decidedOn: '2026-08-12',
    decidedBy: 'UBND xã Đam Rông 3',
    reference: '125/QĐ-XPHC',
    form: 'administrative_sanction',
    description: 'Xây dựng nhà ở trên đất trồng cây lâu năm khi chưa được chuyển mục đích sử dụng đất; phạt tiền 15.000.000 đồng, buộc khôi phục tình trạng ban đầu của đất (Nghị định 123/2024/NĐ-CP).',
  });
  const trafficSanction = await violation(await pick('LD.XLD.UB'), {
    kind: 'law_violation',
    decidedOn: '2026-09-21',
    decidedBy: 'Công an xã Lạc Dương',
    reference: '0217/QĐ-XPHC',
    form: 'administrative_sanction',
    description: 'Điều khiển xe mô tô trên đường mà trong hơi thở có nồng độ cồn vượt quá 0,25 mg/l khí thở; phạt tiền 6.000.000 đồng, trừ 10 điểm giấy phép lái xe (Nghị định 168/2024/NĐ-CP).',
  });

  // The Front's opinions of 2026 in the front officer's ward, given by the Front work committees of the residential groups.
  const front = async (cellCode: string, nth: number, rating: 'good' | 'average' | 'low', comments: string, givenOn: IsoDate) => {
    const memberId = await pick(cellCode, nth);
    const area = cellCode.endsWith('.ML') ? 'tổ dân phố Măng Lin' : 'tổ dân phố Thái Phiên';
    await recordFrontOpinion(db, ctxOf(actors.mttq, workday(addDays(givenOn, 2))), memberId, { year: 2026, rating, comments, givenOn, givenBy: `Ban công tác Mặt trận ${area}` });
    return memberId;
  };
  const frontLow = [
    await front('LD.LBDL.ML', 0, 'low', 'Nhân dân phản ánh đồng chí thường xuyên uống rượu, gây mất trật tự nơi công cộng; chưa gương mẫu chấp hành quy ước của tổ dân phố.', '2026-10-19'),
    await front('LD.LBDL.TP', 0, 'low', 'Lấn chiếm lối đi chung với hộ liền kề, không chấp hành kết quả hòa giải của tổ hòa giải; nhân dân có nhiều ý kiến.', '2026-10-22'),
  ];
  for (const [cell, rating, comments] of [
    ['LD.LBDL.ML', 'good', 'Gương mẫu, tích cực tham gia các phong trào và hoạt động của khu dân cư.'],
    ['LD.LBDL.ML', 'good', 'Gia đình văn hóa, đoàn kết, giúp đỡ bà con trong tổ dân phố.'],
    ['LD.LBDL.TP', 'good', 'Chấp hành tốt chủ trương, chính sách, quy ước của tổ dân phố; được nhân dân tín nhiệm.'],
    ['LD.LBDL.TP', 'average', 'Ít tham gia sinh hoạt và các hoạt động chung của khu dân cư.'],
  ] as const) {
    await front(cell, 0, rating, comments, '2026-10-19');
  }
  return { partyDiscipline: { reprimand, warning }, violations: { stateDiscipline, landSanction, trafficSanction }, frontLow };
}

export interface ScreeningSeedReport {
  flags: number;
  reviewed: number;
  open: number;
  /** Open past their review due day on the demo's reference date (R-RMV-07). */
  overdue: number;
  /** Risen to the organization above by the escalation sweep. */
  escalated: number;
  byKind: Record<FlagKind, { raised: number; reviewed: number; open: number }>;
  decisions: Record<FlagDecisionKind, number>;
}

/** A review, as the officer records it, by kind of flag and decision. */
type Review = { flagId: number; input: ReviewFlagInput };

/**
 * Screening for 2026 in two runs, then the reviews (R-RMV-07):
 * - 15/09/2026: bithu2 screens their cell (the high school's Tổ Xã hội); at the cell's October meeting (09/10) work is
 *   assigned to the members who had none and those flags are closed with that reason; two flags stay open (a probation
 *   never recognized, a member still without work). Past their 30 days (R-RMV-07), the escalation sweep of 16/10
 *   raises both to the school's party committee: overdue and escalated on the demo's reference date.
 * - 20/11/2026: the province's officer screens the whole province (the earlier flags stay as first raised). Every kind
 *   of flag is raised at least twice. From 23/11 the officer reviews at least one flag of every kind, each of the four
 *   decisions at least once, and leaves at least one of every kind open. Nothing is reviewed in bithu1's cell: the
 *   browser journey (e2e/screening-journey.e2e.ts) screens that cell and reviews a flag there itself.
 */
async function seedScreening(db: Db, actors: { tochuc: Actor; bithu2: Actor }, bithu1CellId: number, sources: ConductSources, grades: GradingSeedReport): Promise<ScreeningSeedReport> {
  const run = async (code: string, asOf: IsoDate, by: Actor) => {
    const org = await db.selectFrom('organizations').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    await runScreening(db, { organizationId: org.id, path: org.path, year: 2026, asOf, trigger: 'manual', startedBy: by.userId }, at(asOf), () => at(asOf));
  };
  const flagsNow = () =>
    db
      .selectFrom('screening_flags as f')
      .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
      .select(['f.id', 'f.kind', 'f.member_id', 'f.organization_id', 'f.evidence', 'r.id as review_id'])
      .where('f.year', '=', 2026)
      .orderBy('f.id')
      .execute();
  const review = async (actor: Actor, day: IsoDate, reviews: readonly Review[]) => {
    for (const r of reviews) await reviewFlag(db, { requestId: 'demo-screening', actor, now: at(day) }, r.flagId, r.input);
  };

  // 1. The cell's own run in September, its reviews in October, the two flags left open escalated.
  await run(BITHU2_CELL_CODE, '2026-09-15', actors.bithu2);
  const early = await flagsNow();
  const keepOpen = [early.find((f) => f.kind === 'probation_overdue'), early.find((f) => f.kind === 'no_assignment')];
  if (keepOpen.some((f) => !f)) throw new Error(`demo screening: the September run raised ${early.map((f) => f.kind).join(', ')}`);
  // The cell's October meeting (before the flags' review due day): it gives each member without one a task, and the
  // secretary closes those flags with the reason; any other flag of the run gets an education plan.
  const cellId = (await db.selectFrom('organizations').select('id').where('code', '=', BITHU2_CELL_CODE).executeTakeFirstOrThrow()).id;
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'meeting_date'])
    .where('organization_id', '=', cellId)
    .where('kind', '=', 'regular')
    .where('meeting_date', '>=', '2026-10-01')
    .where('meeting_date', '<=', '2026-10-14')
    .orderBy('meeting_date')
    .executeTakeFirstOrThrow();
  const meetingDay = meeting.meeting_date as IsoDate;
  const TASKS = ['Phụ trách công tác Đoàn thanh niên khối 10', 'Theo dõi, giúp đỡ học sinh có hoàn cảnh khó khăn của tổ', 'Tham gia tổ hòa giải ở khu dân cư nơi cư trú'];
  const earlyReviews: Review[] = [];
  for (const [i, f] of early.filter((x) => !keepOpen.includes(x)).entries()) {
    if (f.kind === 'no_assignment') {
      const task = TASKS[i % TASKS.length];
      await createAssignment(db, { requestId: 'demo-screening', actor: actors.bithu2, now: at(meetingDay) }, cellId, {
        memberId: f.member_id,
        description: task,
        from: meetingDay,
        to: null,
        assignedOn: meetingDay,
        meetingId: meeting.id,
      });
      earlyReviews.push({ flagId: f.id, input: { decision: 'no_action', reason: `Chi bộ đã phân công nhiệm vụ cho đồng chí tại kỳ họp ngày ${viDate(meetingDay)}: ${task[0].toLowerCase()}${task.slice(1)}.` } });
    } else {
      earlyReviews.push({ flagId: f.id, input: { decision: 'education_plan', note: `Chi bộ nhắc nhở, giao đảng viên giúp đỡ; đồng chí kiểm điểm trước chi bộ tại kỳ họp ngày ${viDate(meetingDay)}.` } });
    }
  }
  await review(actors.bithu2, meetingDay, earlyReviews);
  await sweepEscalations(db, at('2026-10-16'));

  // 2. The province's run, the officer's reviews.
  await run('LD', '2026-11-20', actors.tochuc);
  const flags = (await flagsNow()).filter((f) => f.review_id === null && f.organization_id !== bithu1CellId);
  const taken = new Set<number>();
  /** The first open flag of `kind` (outside bithu1's cell) about one of `members` (in that order of preference), or of anyone. */
  const flagOf = (kind: FlagKind, members: readonly number[] = []): number => {
    const open = flags.filter((f) => f.kind === kind && !taken.has(f.id) && !keepOpen.some((k) => k!.id === f.id));
    const f = members.map((m) => open.find((x) => x.member_id === m)).find((x) => x) ?? (members.length ? undefined : open[0]);
    if (!f) throw new Error(`demo screening: no open ${kind} flag to review${members.length ? ` about members ${members.join(', ')}` : ''}`);
    taken.add(f.id);
    return f.id;
  };
  const transferFlag = flagOf('transfer_overdue');
  const probationFlag = flagOf('probation_overdue');
  const reviews: Review[] = [
    {
      flagId: flagOf('missed_activities'),
      input: { decision: 'removal_case', note: 'Chi bộ đã ba lần gửi giấy mời và gặp trực tiếp; đồng chí vẫn bỏ sinh hoạt không có lý do chính đáng.' },
    },
    {
      flagId: flagOf('missed_activities'),
      input: { decision: 'education_plan', note: 'Vắng do đi làm ăn xa không báo chi bộ; chi bộ phân công đảng viên giúp đỡ, đồng chí cam kết sinh hoạt đầy đủ, kiểm điểm lại sau 6 tháng.' },
    },
    {
      flagId: flagOf('unpaid_dues'),
      input: { decision: 'education_plan', note: 'Chi bộ yêu cầu đồng chí đóng đủ đảng phí các tháng còn thiếu trước 31/12/2026; giao tổ đảng theo dõi, nhắc nhở.' },
    },
    {
      flagId: flagOf('not_completed_two_years', grades.notCompletedTwoYears),
      input: { decision: 'removal_case', note: 'Hai năm liền (2025, 2026) không hoàn thành nhiệm vụ; chi bộ đề nghị xóa tên theo Quy định 294-QĐ/TW, §8.1.' },
    },
    {
      flagId: transferFlag,
      input: {
        decision: 'no_action',
        reason: 'Đã xác minh với cấp ủy nơi đến: đồng chí đã xuất trình giấy giới thiệu ngày 09/11/2026, chậm do nằm viện điều trị dài ngày (có giấy ra viện); cấp ủy nơi đến sẽ gửi phiếu báo tiếp nhận.',
      },
    },
    {
      flagId: probationFlag,
      input: {
        decision: 'no_action',
        reason: 'Quá hạn do đồng chí nghỉ chế độ thai sản từ 02/3 đến 01/9/2026; chi bộ đã hoàn thiện hồ sơ và họp xét công nhận đảng viên chính thức trong tháng 12/2026.',
      },
    },
    {
      flagId: flagOf('discipline_or_violation', [sources.violations.landSanction]),
      input: {
        decision: 'discipline_referral',
        description: 'Đề nghị Ủy ban Kiểm tra Đảng ủy xã Đam Rông 3 xem xét, thi hành kỷ luật đảng viên vi phạm pháp luật về đất đai đã bị xử phạt vi phạm hành chính.',
        reference: 'Quyết định xử phạt số 125/QĐ-XPHC ngày 12/8/2026 của UBND xã Đam Rông 3',
        warrantsExpulsion: false,
        note: null,
      },
    },
    {
      flagId: flagOf('discipline_or_violation', [sources.partyDiscipline.warning]),
      input: {
        decision: 'no_action',
        reason: 'Đã thi hành kỷ luật cảnh cáo theo Quyết định số 15-QĐ/ĐU ngày 15/7/2026 của Đảng ủy xã Đam Rông 2; đồng chí đã khắc phục sai sót, không xem xét thêm.',
      },
    },
    {
      flagId: flagOf('low_prestige', sources.frontLow),
      input: { decision: 'education_plan', note: 'Chi bộ giao tổ trưởng tổ đảng gặp gỡ, nhắc nhở; đồng chí cam kết sửa chữa, báo cáo kết quả với chi bộ và Ban công tác Mặt trận sau 6 tháng.' },
    },
    {
      flagId: flagOf('no_assignment'),
      input: { decision: 'no_action', reason: 'Đồng chí đang điều trị bệnh dài ngày tại Bệnh viện Chợ Rẫy từ tháng 8/2026 (có xác nhận của bệnh viện); chi bộ sẽ phân công nhiệm vụ khi đồng chí đi làm trở lại.' },
    },
  ];
  await review(actors.tochuc, '2026-11-23', reviews.slice(0, 4));
  await review(actors.tochuc, '2026-11-24', reviews.slice(4, 7));
  await review(actors.tochuc, '2026-11-25', reviews.slice(7));

  // What a user sees on the reference date.
  const all = await db
    .selectFrom('screening_flags as f')
    .leftJoin('screening_flag_reviews as r', 'r.flag_id', 'f.id')
    .leftJoin('screening_flag_escalations as e', 'e.flag_id', 'f.id')
    .select(['f.kind', 'f.review_due_on', 'r.decision', 'e.id as escalation_id'])
    .where('f.year', '=', 2026)
    .execute();
  const byKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, { raised: 0, reviewed: 0, open: 0 }])) as ScreeningSeedReport['byKind'];
  const decisions = Object.fromEntries(FLAG_DECISIONS.map((d) => [d, 0])) as ScreeningSeedReport['decisions'];
  for (const f of all) {
    const k = byKind[f.kind as FlagKind];
    k.raised++;
    if (f.decision) {
      k.reviewed++;
      decisions[f.decision as FlagDecisionKind]++;
    } else k.open++;
  }
  for (const [kind, k] of Object.entries(byKind)) {
    if (k.raised < 2 || k.reviewed < 1 || k.open < 1) throw new Error(`demo screening: ${kind} flags ${JSON.stringify(k)}, meant at least two raised, one reviewed, one open`);
  }
  const open = all.filter((f) => !f.decision);
  return {
    flags: all.length,
    reviewed: all.length - open.length,
    open: open.length,
    overdue: open.filter((f) => f.review_due_on < DEMO_REFERENCE_DATE).length,
    escalated: open.filter((f) => f.escalation_id !== null).length,
    byKind,
    decisions,
  };
}
