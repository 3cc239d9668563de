import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { Readmission, Referral, RemovalCase, RemovalList, VoteBaseView } from '../../../common/contracts/removal.contract.ts';
import type { Flag, FlagList, ScreeningReport } from '../../../common/contracts/screening.contract.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildAssignment, buildAttendance, buildExemption, buildMeeting, buildTemporaryTransfer } from '../screening/screening.fixtures.ts';
import { runsInFlight } from '../screening/screening.service.ts';

// Route tests on every engine (architecture principle 10): the three forms of leaving the party, their refusals
// (R-RMV-03, R-RMV-04, R-RMV-05, R-DIS-01, R-ADM-09, R-ADM-14), the member's status and timeline changing with the
// decision, and readmission eligibility (R-ADM-15). The app's clock: 2026-06-15 in Vietnam. In buildTree the commune
// committee holds the authority 'removal' (R-ADM-14); the grassroots committee does not.

type ErrorBody = { error: { code: string; params?: { rule?: string; violations?: { ruleId: string; code: string }[] }; fields?: { path: string; code: string }[] } };

describe.each(ENGINES)('removal on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  let clerk: { id: number };
  const cookie = {} as Record<'secA' | 'secB' | 'grassroots' | 'commune' | 'officer' | 'front', string>;
  let n = 0;

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username });
    return loginAs(t.app, username);
  }
  const get = <T>(url: string, who: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who } }).then((r) => ({ status: r.statusCode, body: r.json() as T, raw: r }));
  const post = <T>(url: string, who: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: who }, payload: payload as object }).then((r) => ({ status: r.statusCode, body: r.json() as T }));
  const memberRow = (id: number) => t.db.selectFrom('members').select(['status', 'left_date', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = (id: number) => t.db.selectFrom('member_events').select(['kind', 'event_date', 'decision_ref', 'to_status']).where('member_id', '=', id).orderBy('id').execute();

  /** A member of cell A (and four more officials, so the cell's vote base is meaningful). */
  async function member(status: 'official' | 'probationary' = 'official') {
    const { member: mm } = await buildMember(t.db, { organizationId: o.cellA.id, status, cardNumber: `TD-${engine}-${++n}` });
    return mm.id;
  }
  const vote = (c: RemovalCase, approve: number, extra: Record<string, unknown> = {}) =>
    post<RemovalCase>(`/api/removal/cases/${c.id}/vote`, cookie.secA, { meetingDate: '2026-06-10', approve, reject: 0, version: c.version, ...extra });
  const decision = (c: RemovalCase, who: string, extra: Record<string, unknown> = {}) =>
    post<RemovalCase & ErrorBody>(`/api/removal/cases/${c.id}/decision`, who, {
      decidedOn: '2026-06-12',
      removes: true,
      decisionNumber: '15-QĐ/ĐU',
      signerName: 'Lê Văn Bí',
      signerTitle: 'Bí thư',
      version: c.version,
      ...extra,
    });

  let away: number;
  let exempt: number;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    clerk = await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-${engine}` });
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.secB = await as('cell_secretary', o.cellB.id);
    cookie.grassroots = await as('committee_member', o.grassroots.id);
    cookie.commune = await as('committee_member', o.commune.id);
    cookie.officer = await as('organization_officer', o.grassroots.id);
    cookie.front = await as('front_officer', o.grassroots.id);
    // The rest of cell A: 6 officials (one away on temporary transfer, one exempted), and a probationary member.
    for (let i = 0; i < 4; i++) await member();
    away = await member();
    exempt = await member();
    await member('probationary');
    await buildTemporaryTransfer(t.db, { memberId: away, fromOrganizationId: o.cellA.id, from: '2026-03-01', to: '2026-12-31', createdBy: clerk.id });
    await buildExemption(t.db, { memberId: exempt, organizationId: o.cellA.id, createdBy: clerk.id, from: '2026-01-01', to: null });
  });
  afterAll(async () => {
    await runsInFlight();
    await t.close();
  });

  it('name removal from a flag: self-review by three requests (R-RMV-03), the vote (R-ADM-09), the competent body (R-ADM-14), the card', async () => {
    const subject = await member();
    // Three unexcused months and a work assignment: the screening raises one flag (R-RMV-01).
    for (let month = 1; month <= 3; month++) {
      const mt = await buildMeeting(t.db, { organizationId: o.cellA.id, date: `2026-0${month}-20`, createdBy: clerk.id });
      await buildAttendance(t.db, { meetingId: mt.id, memberId: subject, status: 'absent_without_reason', recordedBy: clerk.id });
    }
    const run = await post<{ id: number }>('/api/screening/runs', cookie.secA, { organizationId: o.cellA.id, year: 2026 });
    expect(run.status).toBe(202);
    await runsInFlight();
    expect((await get<{ status: string }>(`/api/screening/runs/${run.body.id}`, cookie.secA)).body.status).toBe('succeeded');
    const flags = await get<FlagList>(`/api/screening/flags?organizationId=${o.cellA.id}&year=2026&kind=missed_activities`, cookie.secA);
    const flag = flags.body.items.find((f) => f.member.id === subject)!;
    const reviewed = await post<Flag>(`/api/screening/flags/${flag.id}/review`, cookie.secA, { decision: 'removal_case', note: 'Chi bộ thống nhất đề nghị xóa tên' });
    expect(reviewed.status).toBe(200);
    const caseId = reviewed.body.review!.removalCaseId!;
    let c = (await get<RemovalCase>(`/api/removal/cases/${caseId}`, cookie.secA)).body;
    expect(c).toMatchObject({ form: 'struck_off', status: 'self_review', grounds: ['missed_activities'], flag: { id: flag.id, ruleId: 'R-RMV-01' } });
    expect(c.checklist.find((x) => x.ruleId === 'R-RMV-03')).toMatchObject({ ok: false, code: 'self_review_pending' });

    // The vote cannot come before the self-review.
    const early = await vote(c, 5);
    expect(early.status).toBe(422);
    expect((early.body as unknown as ErrorBody).error.code).toBe('INVALID_STATUS_TRANSITION');

    // Two requests on one day count once; the third distinct day lets the cell proceed.
    for (const sentOn of ['2026-05-02', '2026-05-02', '2026-05-12', '2026-05-22']) {
      const r = await post<RemovalCase>(`/api/removal/cases/${caseId}/requests`, cookie.secA, { sentOn, method: 'letter', note: null, version: c.version });
      expect(r.status).toBe(200);
      c = r.body;
      expect(c.status).toBe(sentOn === '2026-05-22' ? 'cell_vote' : 'self_review');
    }

    // R-ADM-09: 7 officials (the subject included), less the one away, less the exempted one absent = 5.
    const base = await get<VoteBaseView>(`/api/removal/cases/${caseId}/vote-base?date=2026-06-10`, cookie.secA);
    expect(base.body).toMatchObject({ base: 5, official: 7, probationary: 1, temporarilyTransferredOut: 1, absentExempted: 1 });
    // The exempted member attended and voted: counted (base 6); more votes than voters are refused; 4 of 6 is exactly 2/3.
    const tooMany = await vote(c, 7, { presentExemptedMemberIds: [exempt] });
    expect(tooMany.status).toBe(422);
    const carried = await vote(c, 4, { presentExemptedMemberIds: [exempt] });
    expect(carried.status).toBe(200);
    c = carried.body;
    expect(c).toMatchObject({ status: 'decision', vote: { approve: 4, base: { base: 6 } }, competentBody: { id: o.commune.id } });

    // R-ADM-14: the cell secretary has no decision right; the grassroots committee is not the competent body.
    expect((await decision(c, cookie.secA)).status).toBe(403);
    const notCompetent = await decision(c, cookie.grassroots);
    expect(notCompetent.status).toBe(422);
    expect(notCompetent.body.error.params?.rule).toBe('R-ADM-14');
    expect((await memberRow(subject)).status).toBe('official');

    const decided = await decision(c, cookie.commune);
    expect(decided.status).toBe(200);
    c = decided.body;
    expect(c).toMatchObject({ status: 'card_collection', decidedOn: '2026-06-12', competentBodyDecided: true, member: { status: 'struck_off' } });
    expect(await memberRow(subject)).toMatchObject({ status: 'struck_off', left_date: '2026-06-12' });
    expect((await eventsOf(subject)).at(-1)).toEqual({ kind: 'struck_off', event_date: '2026-06-12', decision_ref: '15-QĐ/ĐU', to_status: 'struck_off' });

    const doc = await t.app.inject({ method: 'GET', url: `/api/removal/cases/${caseId}/decision.docx`, headers: { cookie: cookie.secA } });
    expect(doc.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of ['QUYẾT ĐỊNH', 'về việc xóa tên đảng viên', 'ĐẢNG ỦY XÃ LẠC DƯƠNG', 'Số 15-QĐ/ĐU', 'Xóa tên trong danh sách đảng viên', 'thu hồi thẻ đảng viên', '4/6']) {
      expect(xml).toContain(s);
    }

    const card = await post<RemovalCase>(`/api/removal/cases/${caseId}/card`, cookie.secA, { on: '2026-06-14', version: c.version });
    expect(card.body).toMatchObject({ status: 'removed', cardCollectedOn: '2026-06-14', closedOn: '2026-06-14' });
    expect(card.body.checklist.find((x) => x.ruleId === 'R-MGT-08')).toMatchObject({ ok: true });

    // R-ADM-15: left by abandoning activities: never readmitted.
    const re = await get<Readmission>(`/api/members/${subject}/readmission`, cookie.secA);
    expect(re.body).toMatchObject({ applicable: true, cause: 'abandoned_activities', causeOnRecord: true, eligibility: { status: 'never', reason: 'abandoned_activities' } });
  });

  it('a vote short of 2/3 closes the case, the member stays', async () => {
    const subject = await member();
    const opened = await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['not_completed_two_years'] });
    expect(opened.status).toBe(201);
    let c = opened.body;
    c = (await post<RemovalCase>(`/api/removal/cases/${c.id}/self-review`, cookie.secA, { on: '2026-06-01', note: 'Đảng viên tự kiểm điểm', version: c.version })).body;
    expect(c.status).toBe('cell_vote');
    const short = await vote(c, 3);
    expect(short.body).toMatchObject({ status: 'not_removed' });
    expect((await memberRow(subject)).status).toBe('official');
  });

  it('R-RMV-02: name removal needs a ground on record', async () => {
    const subject = await member();
    const r = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: [] });
    expect(r.status).toBe(422);
    expect(r.body.error.params?.violations?.map((v) => `${v.ruleId}:${v.code}`)).toContain('R-RMV-02:struck_off_needs_ground');
  });

  it('R-RMV-04: release at own request is refused while a violation is pending; allowed once concluded; no card step', async () => {
    const subject = await member();
    const ref = await post<Referral>('/api/removal/referrals', cookie.secA, { memberId: subject, referredOn: '2026-05-01', description: 'Vi phạm quy định về những điều đảng viên không được làm', warrantsExpulsion: false });
    expect(ref.status).toBe(201);
    const refused = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'released', requestedOn: '2026-05-20', requestRef: 'Đơn ngày 20/5/2026' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.params?.violations?.map((v) => `${v.ruleId}:${v.code}`)).toContain('R-RMV-04:pending_violation');
    const noRequest = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'released' });
    expect(noRequest.status).toBe(400);
    expect(noRequest.body.error.fields?.[0]).toMatchObject({ path: 'requestedOn', code: 'required_for_release' });

    const concluded = await post<Referral>(`/api/removal/referrals/${ref.body.id}/conclude`, cookie.commune, { concludedOn: '2026-05-25', outcome: 'reprimand', conclusionRef: '03-QĐ/ĐU', version: 1 });
    expect(concluded.body).toMatchObject({ outcome: 'reprimand', concludedOn: '2026-05-25' });
    const opened = await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'released', requestedOn: '2026-05-20', requestRef: 'Đơn ngày 20/5/2026' });
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('cell_vote');
    const voted = await vote(opened.body, 6);
    const done = await decision(voted.body, cookie.commune, { decisionNumber: '16-QĐ/ĐU' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'removed', member: { status: 'released' } });
    expect((await eventsOf(subject)).at(-1)).toMatchObject({ kind: 'released', to_status: 'released' });
    const re = await get<Readmission>(`/api/members/${subject}/readmission`, cookie.secA);
    expect(re.body).toMatchObject({ cause: 'voluntary_exit', eligibility: { status: 'never', reason: 'voluntary_exit' } });
  });

  it('R-RMV-05: a violation warranting expulsion refuses name removal and release; expulsion needs the discipline decision', async () => {
    const subject = await member();
    const ref = await post<Referral>('/api/removal/referrals', cookie.secA, { memberId: subject, referredOn: '2026-05-01', description: 'Tham nhũng, đã bị khởi tố', warrantsExpulsion: true });
    const struck = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['missed_activities'] });
    expect(struck.status).toBe(422);
    expect(struck.body.error.params?.rule).toBe('R-RMV-05');
    const released = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'released', requestedOn: '2026-05-20' });
    expect(released.body.error.params?.violations?.map((v) => v.ruleId)).toEqual(expect.arrayContaining(['R-RMV-05', 'R-RMV-04']));

    const noRef = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'expelled' });
    expect(noRef.status).toBe(400);
    const opened = await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'expelled', referralId: ref.body.id });
    expect(opened.status).toBe(201);
    const voted = await vote(opened.body, 6);
    const withoutRef = await decision(voted.body, cookie.commune, { decisionNumber: '17-QĐ/ĐU' });
    expect(withoutRef.status).toBe(422);
    expect(withoutRef.body.error.params?.violations?.map((v) => `${v.ruleId}:${v.code}`)).toContain('R-DIS-01:discipline_decision_required');
    const done = await decision(voted.body, cookie.commune, { decisionNumber: '17-QĐ/ĐU', disciplineDecisionRef: 'Quyết định kỷ luật số 05-QĐ/UBKT', leavingCause: 'corruption' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'card_collection', member: { status: 'expelled' }, referral: { outcome: 'expulsion', concludedOn: '2026-06-12' } });
    const doc = await t.app.inject({ method: 'GET', url: `/api/removal/cases/${done.body.id}/decision.docx`, headers: { cookie: cookie.commune } });
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('khai trừ');
    const re = await get<Readmission>(`/api/members/${subject}/readmission`, cookie.secA);
    expect(re.body.eligibility).toEqual({ status: 'never', reason: 'corruption' });
  });

  it('R-DIS-01: a probationary member is not expelled', async () => {
    const subject = await member('probationary');
    const ref = await post<Referral>('/api/removal/referrals', cookie.secA, { memberId: subject, referredOn: '2026-05-01', description: 'Vi phạm nghiêm trọng', warrantsExpulsion: true });
    const r = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'expelled', referralId: ref.body.id });
    expect(r.status).toBe(422);
    expect(r.body.error.params?.violations?.map((v) => `${v.ruleId}:${v.code}`)).toContain('R-DIS-01:probationary_cannot_be_expelled');
  });

  it('the decision, the member status and the timeline change together or not at all', async () => {
    const subject = await member();
    // The member's timeline has an event dated after the decision date: the member change is refused, and with it the case's.
    await t.db
      .insertInto('member_events')
      .values({ member_id: subject, kind: 'moved', event_date: '2026-06-13', from_status: 'official', to_status: 'official', from_organization_id: o.cellA.id, to_organization_id: o.cellA.id, decision_ref: null, note: null, actor_user_id: null, created_at: '2026-06-13T00:00:00Z' })
      .execute();
    let c = (await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['unpaid_dues'] })).body;
    c = (await post<RemovalCase>(`/api/removal/cases/${c.id}/self-review`, cookie.secA, { on: '2026-06-01', version: c.version })).body;
    c = (await vote(c, 6)).body;
    const r = await decision(c, cookie.commune);
    expect(r.status).toBe(400);
    expect(r.body.error.fields?.[0]).toMatchObject({ path: 'decidedOn', code: 'before_last_event' });
    const after = (await get<RemovalCase>(`/api/removal/cases/${c.id}`, cookie.secA)).body;
    expect(after).toMatchObject({ status: 'decision', decidedOn: null, version: c.version });
    expect(await memberRow(subject)).toMatchObject({ status: 'official', left_date: null });
    const decisions = await t.db.selectFrom('removal_decisions').select('action').where('case_id', '=', c.id).execute();
    expect(decisions.map((d) => d.action)).not.toContain('record_decision');
  });

  it('a stale version is a conflict; a withdrawal needs a reason', async () => {
    const subject = await member();
    const c = (await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['political_standard_failed'] })).body;
    const dup = await post<ErrorBody>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['political_standard_failed'] });
    expect(dup.body.error.code).toBe('CONFLICT');
    expect((await post(`/api/removal/cases/${c.id}/withdraw`, cookie.secA, { on: '2026-06-14', reason: '', version: c.version })).status).toBe(400);
    expect((await post(`/api/removal/cases/${c.id}/withdraw`, cookie.secA, { on: '2026-06-15', reason: 'Đảng viên đã tiến bộ', version: c.version + 1 })).status).toBe(409);
    const w = await post<RemovalCase>(`/api/removal/cases/${c.id}/withdraw`, cookie.secA, { on: '2026-06-15', reason: 'Đảng viên đã tiến bộ', version: c.version });
    expect(w.body).toMatchObject({ status: 'withdrawn', closeReason: 'Đảng viên đã tiến bộ' });
  });

  it('scope: another branch answers 404, the front officer 403; the organization above lists the cases', async () => {
    const list = await get<RemovalList>(`/api/removal/cases?organizationId=${o.grassroots.id}&status=all`, cookie.officer);
    expect(list.status).toBe(200);
    const id = list.body.items[0].id;
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    expect((await get(`/api/removal/cases/${id}`, cookie.secB)).status).toBe(404);
    expect((await post(`/api/removal/cases/${id}/withdraw`, cookie.secB, { on: '2026-06-14', reason: 'x', version: 1 })).status).toBe(404);
    expect((await get(`/api/removal/cases?organizationId=${o.cellA.id}`, cookie.secB)).status).toBe(404);
    expect((await get(`/api/removal/cases/${id}`, cookie.front)).status).toBe(403);
    expect((await get(`/api/members/${list.body.items[0].member.id}/readmission`, cookie.secB)).status).toBe(404);
    expect((await get(`/api/members/${list.body.items[0].member.id}/readmission`, cookie.front)).status).toBe(403);
  });

  it('R-ADM-15: eligible 36 months after leaving for another cause; nothing to show for an active member', async () => {
    const subject = await member();
    let c = (await post<RemovalCase>('/api/removal/cases', cookie.secA, { memberId: subject, form: 'struck_off', grounds: ['political_standard_failed'] })).body;
    c = (await post<RemovalCase>(`/api/removal/cases/${c.id}/self-review`, cookie.secA, { on: '2026-06-01', version: c.version })).body;
    c = (await vote(c, 6)).body;
    await decision(c, cookie.commune, { decisionNumber: '18-QĐ/ĐU' });
    const re = await get<Readmission>(`/api/members/${subject}/readmission`, cookie.secA);
    expect(re.body).toMatchObject({ cause: 'other', leftOn: '2026-06-12', eligibility: { status: 'eligible_from', from: '2029-06-12' }, check: { ruleId: 'R-ADM-15', ok: false, code: 'too_early' } });
    const active = await get<Readmission>(`/api/members/${away}/readmission`, cookie.secA);
    expect(active.body).toMatchObject({ applicable: false, eligibility: null });
  });

  it('the report counts removals by form and cause', async () => {
    const r = await get<ScreeningReport>(`/api/screening/report?organizationId=${o.grassroots.id}&year=2026`, cookie.officer);
    const row = (form: string, cause: string) => r.body.removalsByForm.find((x) => x.form === form && x.cause === cause);
    expect(row('struck_off', 'missed_activities')).toMatchObject({ opened: 1, removed: 1 });
    expect(row('struck_off', 'not_completed_two_years')).toMatchObject({ opened: 1, notRemoved: 1 });
    expect(row('released', 'own_request')).toMatchObject({ opened: 1, removed: 1 });
    expect(row('expelled', 'discipline')).toMatchObject({ opened: 1, removed: 1 });
    expect(row('struck_off', 'political_standard_failed')).toMatchObject({ opened: 2, removed: 1, withdrawn: 1 });
    const cellA = r.body.byOrganization.find((x) => x.organization.id === o.cellA.id)!;
    expect(cellA).toMatchObject({ struckOff: 2, released: 1, expelled: 1, removalsPending: 1 });
  });
  it('finds a member to open a case on by citizen id only in a POST body, within scope (security.md item 25)', async () => {
    const idP = '068090732001';
    const idQ = '068090732002';
    const { member: p } = await buildMember(t.db, { organizationId: o.cellB.id, person: { full_name: 'Đinh Văn Phúc', citizen_id: idP } });
    await buildMember(t.db, { organizationId: o.otherCell.id, person: { full_name: 'Đinh Văn Quý', citizen_id: idQ } });
    const options = async (who: string, body: Record<string, unknown>) => {
      const res = await post<{ items: { id: number }[] }>('/api/removal/member-options/search', who, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i) => i.id);
    };
    expect(await options(cookie.secB, { q: idP })).toEqual([p.id]);
    expect(await options(cookie.officer, { q: idP.slice(0, 9) })).toEqual([p.id]);
    expect(await options(cookie.officer, { q: idP, organizationId: o.cellB.id })).toEqual([p.id]);
    // Outside the caller's subtree, a citizen id finds nobody; another branch as a filter is not found.
    expect(await options(cookie.secA, { q: idP })).toEqual([]);
    expect(await options(cookie.officer, { q: idQ })).toEqual([]);
    expect((await post('/api/removal/member-options/search', cookie.secA, { q: idP, organizationId: o.cellB.id })).status).toBe(404);
    expect((await post('/api/removal/member-options/search', cookie.front, { q: idP })).status).toBe(403);
    expect((await post('/api/removal/member-options/search', cookie.secB, { q: idP, status: 'all' })).status).toBe(400);
    // The same answer as the GET for a name.
    expect((await post('/api/removal/member-options/search', cookie.officer, { q: 'dinh van' })).body).toEqual(
      (await get('/api/removal/member-options?q=dinh%20van', cookie.officer)).body,
    );

    const refused = await get<ErrorBody>(`/api/removal/member-options?organizationId=${o.cellB.id}&q=${idP}`, cookie.secB);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION',
      params: { reason: 'citizen_id_in_url', use: 'POST /api/removal/member-options/search' },
      fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
    });
  });
});
