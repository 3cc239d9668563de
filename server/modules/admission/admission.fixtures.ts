import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { AdmissionCaseDetail } from '../../../common/contracts/admission.contract.ts';
import { buildMember, buildPerson, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';

// Test fixtures of the admission suites: a tree with members, officials' sessions, candidates with certificates, and
// a walk through the steps by the API, stopping at any status. Dates follow the fixed clock of factories.ts
// (today 2026-06-15): the file is gathered in the first half of 2026, the cell meets on 5/5, the commune decides on
// 1/6 and the ceremony is today.

export const DATES = {
  certificate: '2025-10-01',
  openedOn: '2026-01-05',
  application: '2026-02-01',
  history: '2026-02-10',
  verificationSent: '2026-03-01',
  verificationDue: '2026-04-01',
  verified: '2026-03-20',
  introduced: '2026-03-25',
  opinions: ['2026-04-10', '2026-04-12'],
  cellMeeting: '2026-05-05',
  grassroots: '2026-05-12',
  decision: '2026-06-01',
  received: '2026-06-03',
  ceremony: '2026-06-15',
} as const;

export type Kit = Awaited<ReturnType<typeof buildKit>>;

export async function buildKit(t: TestApp, engine: string) {
  const tree = await buildTree(t.db);
  // Six official members and one probationary member in cell A (the roll of R-ADM-09), one official in cell B.
  const officials = [];
  for (let i = 0; i < 6; i++) officials.push(await buildMember(t.db, { organizationId: tree.cellA.id, person: { full_name: `Đảng Viên Chính Thức ${i + 1}` } }));
  const probationary = await buildMember(t.db, { organizationId: tree.cellA.id, status: 'probationary', person: { full_name: 'Đảng Viên Dự Bị' } });
  const memberB = await buildMember(t.db, { organizationId: tree.cellB.id, person: { full_name: 'Đảng Viên Chi Bộ B' } });
  let n = 0;
  const session = async (role: Role, organizationId: number) => {
    const username = `adm-${role}-${engine}-${++n}`;
    const user = await buildUser(t.db, { role, organizationId, username });
    return { cookie: await loginAs(t.app, username), user, username };
  };
  const secretaryA = await session('cell_secretary', tree.cellA.id);
  const secretaryB = await session('cell_secretary', tree.cellB.id);
  const committee = await session('committee_member', tree.commune.id);
  const officer = await session('organization_officer', tree.commune.id);
  const front = await session('front_officer', tree.commune.id);
  /**
   * Sessions expire when the clock jumps (idle timeout): log in again. Only the sessions a test uses after the jump,
   * by default the cell A secretary and the committee member (logins are rate-limited to 30 a minute).
   */
  const relogin = async (sessions = [secretaryA, committee]) => {
    for (const s of sessions) s.cookie = await loginAs(t.app, s.username);
  };
  return { tree, officials, probationary, memberB, secretaryA, secretaryB, committee, officer, front, session, relogin };
}

export async function call<T = any>(t: TestApp, cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
  let body: any = null;
  try {
    body = res.json();
  } catch {
    body = res.rawPayload;
  }
  return { status: res.statusCode, body: body as T, raw: res };
}

let seq = 0;

/** A certificate of a course, inserted as the training module would (class → enrolment → certificate). */
export async function giveCertificate(t: TestApp, personId: number, userId: number, organizationId: number, kind: 'party_awareness' | 'new_member', issuedOn: string) {
  const k = ++seq;
  const at = '2026-01-01T00:00:00.000Z';
  const klass = await t.db
    .insertInto('training_classes')
    .values({
      course_kind: kind,
      name: `Lớp ${kind} ${k}`,
      organization_id: organizationId,
      institution: 'Trung tâm Chính trị xã Lạc Dương',
      start_date: issuedOn,
      end_date: issuedOn,
      session_count: 5,
      search_text: `lop ${k}`,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolment = await t.db
    .insertInto('training_enrolments')
    .values({ class_id: klass.id, person_id: personId, attended_sessions: 5, score_tenths: 80, result: 'passed', version: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('certificates')
    .values({
      enrolment_id: enrolment.id,
      person_id: personId,
      class_id: klass.id,
      course_kind: kind,
      institution: 'Trung tâm Chính trị xã Lạc Dương',
      institution_key: `ttct-${k}`,
      issue_year: Number(issuedOn.slice(0, 4)),
      sequence: k,
      number: `${k}/GCN`,
      issued_on: issuedOn,
      valid_until: null,
      issued_by_user_id: userId,
      created_at: at,
    })
    .execute();
}

/** A candidacy for a new person in `cellId` (as the candidates module would have introduced them). */
export async function buildCandidate(t: TestApp, kit: Kit, o: { cellId?: number; birthDate?: string; fullName?: string; certificate?: boolean; gender?: string } = {}) {
  const cellId = o.cellId ?? kit.tree.cellA.id;
  const person = await buildPerson(t.db, {
    full_name: o.fullName ?? `Ka Sô Liễng ${++seq}`,
    birth_date: o.birthDate ?? '1996-04-10',
    gender: o.gender ?? 'female',
    ethnicity_code: '16',
    hometown: 'Lạc Dương, Lâm Đồng',
    occupation: 'Giáo viên',
  });
  const at = '2025-09-01T00:00:00.000Z';
  const c = await t.db
    .insertInto('candidates')
    .values({
      person_id: person.id,
      organization_id: cellId,
      mass_organization: 'youth_union',
      mass_organization_name: 'Đoàn trường',
      reason: 'Tích cực',
      introduced_on: '2025-09-01',
      introduced_by_user_id: kit.secretaryA.user.id,
      status: 'introduced',
      status_changed_on: '2025-09-01',
      helper_member_id: null,
      helper_assigned_on: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.certificate !== false) await giveCertificate(t, person.id, kit.secretaryA.user.id, kit.tree.commune.id, 'party_awareness', DATES.certificate);
  return { person, candidateId: c.id };
}

export const STOPS = [
  'introduced',
  'training',
  'application',
  'history',
  'verification',
  'introductions',
  'opinions',
  'cell_resolution',
  'grassroots_resolution',
  'decision',
  'ceremony',
  'probation',
] as const;
export type Stop = (typeof STOPS)[number];

function expectOk(res: { status: number; body: any }, what: string): AdmissionCaseDetail {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AdmissionCaseDetail;
}

/**
 * Opens a case and walks it through the steps by the API (the cell secretary, then the commune's committee member)
 * until it waits at `stop`. Returns the last detail.
 */
export async function walkTo(t: TestApp, kit: Kit, stop: Stop, o: Parameters<typeof buildCandidate>[2] = {}) {
  const { person, candidateId } = await buildCandidate(t, kit, o);
  const sec = kit.secretaryA.cookie;
  const base = '/api/admissions';
  let d = expectOk(
    await call(t, sec, 'POST', base, {
      candidateId,
      openedOn: DATES.openedOn,
      employerKind: 'non_state_enterprise',
      massOrganizations: [{ key: 'cdcs', name: 'Công đoàn cơ sở' }],
    }),
    'open',
  );
  const id = d.id;
  const url = `${base}/${id}`;
  const complete = async (step: string) => {
    d = expectOk(await call(t, sec, 'POST', `${url}/steps/complete`, { version: d.version, step }), `complete ${step}`);
  };
  const steps: [Stop, () => Promise<void>][] = [
    ['introduced', () => complete('introduced')],
    ['training', () => complete('training')],
    [
      'application',
      async () => {
        d = expectOk(
          await call(t, sec, 'PATCH', `${url}/file`, {
            version: d.version,
            applicationDate: DATES.application,
            historyDate: DATES.history,
            relatives: [
              { key: 'father', relation: 'father', name: 'Ka Sô Ha', birthDate: '1965-01-01', isPartyMember: false, fullyDeclared: false },
              { key: 'mother', relation: 'mother', name: 'Liêng Hót K’Thu', birthDate: '1968-01-01', isPartyMember: true, fullyDeclared: true },
            ],
          }),
          'file',
        );
        await complete('application');
      },
    ],
    ['history', () => complete('history')],
    [
      'verification',
      async () => {
        for (const subjectKey of ['applicant', 'father']) {
          d = expectOk(
            await call(t, sec, 'POST', `${url}/verifications`, {
              version: d.version,
              subjectKey,
              requestOrganization: 'Đảng ủy xã Đạ Sar',
              sentOn: DATES.verificationSent,
              replyDueOn: DATES.verificationDue,
              verifierName: 'Nguyễn Văn Thẩm',
            }),
            'verification',
          );
        }
        for (const v of d.verifications) {
          d = expectOk(
            await call(t, sec, 'POST', `${url}/verifications/${v.id}/result`, {
              version: d.version,
              verifierName: 'Nguyễn Văn Thẩm',
              conclusion: 'clear',
              verifiedOn: DATES.verified,
            }),
            'verification result',
          );
        }
        await complete('verification');
      },
    ],
    [
      'introductions',
      async () => {
        for (const m of kit.officials.slice(0, 2)) {
          d = expectOk(
            await call(t, sec, 'POST', `${url}/introducers`, {
              version: d.version,
              memberId: m.member.id,
              sameUnit: true,
              unitName: 'Trường THPT Lang Biang',
              monthsWithApplicant: 24,
              introducedOn: DATES.introduced,
            }),
            'introducer',
          );
        }
        await complete('introductions');
      },
    ],
    [
      'opinions',
      async () => {
        d = expectOk(
          await call(t, sec, 'POST', `${url}/opinions`, {
            version: d.version,
            phase: 'admission',
            source: 'mass_organization',
            organizationKey: 'cdcs',
            organizationName: 'Công đoàn cơ sở',
            date: DATES.opinions[0],
          }),
          'opinion',
        );
        d = expectOk(
          await call(t, sec, 'POST', `${url}/opinions`, {
            version: d.version,
            phase: 'admission',
            source: 'residence_cell_committee',
            organizationKey: 'thon-3',
            organizationName: 'Chi ủy thôn Đạ Nghịt',
            date: DATES.opinions[1],
          }),
          'opinion',
        );
        await complete('opinions');
      },
    ],
    [
      'cell_resolution',
      async () => {
        d = expectOk(
          await call(t, sec, 'POST', `${url}/cell-resolution`, {
            version: d.version,
            meetingDate: DATES.cellMeeting,
            presentMemberIds: kit.officials.map((m) => m.member.id),
            approve: 5,
            reject: 1,
            document: { number: '05-NQ/CB', date: DATES.cellMeeting, issuer: 'Chi bộ Giáo viên' },
            signer: { title: 'Bí thư', name: 'Nguyễn Văn An' },
          }),
          'cell resolution',
        );
      },
    ],
    [
      'grassroots_resolution',
      async () => {
        d = expectOk(
          await call(t, kit.committee.cookie, 'POST', `${url}/grassroots-resolution`, { version: d.version, date: DATES.grassroots, committeeSize: 9, approve: 7, reject: 0 }),
          'grassroots',
        );
      },
    ],
    [
      'decision',
      async () => {
        d = expectOk(
          await call(t, kit.committee.cookie, 'POST', `${url}/decision`, {
            version: d.version,
            date: DATES.decision,
            decidingOrganizationId: kit.tree.commune.id,
            admitted: true,
            receivedOn: DATES.received,
            document: { number: '112-QĐ/ĐU', date: DATES.decision, issuer: 'Đảng ủy xã Lạc Dương' },
            signer: { title: 'Bí thư', name: 'Trần Thị Bình' },
          }),
          'decision',
        );
      },
    ],
    [
      'ceremony',
      async () => {
        d = expectOk(await call(t, sec, 'POST', `${url}/ceremony`, { version: d.version, date: DATES.ceremony }), 'ceremony');
      },
    ],
  ];
  const byStatus = new Map(steps);
  while (d.status !== stop) {
    const run = byStatus.get(d.status as Stop);
    if (!run) throw new Error(`walkTo ${stop}: stuck at ${d.status}`);
    await run();
  }
  return { id, url, detail: d, person, candidateId };
}

/** SHA-256-free checksum of the rows a refused step must not change (everything but the refusals and the audit log). */
export async function checksum(t: TestApp): Promise<string> {
  const tables = [
    'admission_cases',
    'admission_decisions',
    'admission_votes',
    'admission_extensions',
    'admission_verifications',
    'admission_introducers',
    'admission_opinions',
    'admission_helpers',
    'members',
    'member_events',
    'candidates',
    'candidate_events',
  ] as const;
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await t.db.selectFrom(table).selectAll().orderBy('id').execute();
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
