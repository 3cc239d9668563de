import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdmissionCaseDetail } from '../../../common/contracts/admission.contract.ts';
import { buildTestApp, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildKit, call, checksum, DATES, giveCertificate, walkTo, type Kit } from './admission.fixtures.ts';
import { sweepAdmissionDeadlines } from './admission.sweep.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock starts at
// 2026-06-15T03:00Z (today 2026-06-15 in Vietnam); the recognition tests move it a year on.

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}

describe.each(ENGINES)('admission journey on %s', (engine) => {
  let t: TestApp;
  let kit: Kit;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    kit = await buildKit(t, engine);
  });
  afterAll(async () => {
    t.clock.now = new Date('2026-06-15T03:00:00.000Z');
    await t.close();
  });

  it('carries a case from introduction to official member, storing due dates, the member and its events', async () => {
    const walk = await walkTo(t, kit, 'cell_resolution');
    const { url } = walk;
    let d: AdmissionCaseDetail = walk.detail;
    expect(d.status).toBe('cell_resolution');
    expect(d.checklist.filter((c) => !c.ok && c.step !== 'decision')).toEqual([]);
    const candidate = () => t.db.selectFrom('candidates').select(['status']).where('id', '=', walk.candidateId).executeTakeFirstOrThrow();
    expect((await candidate()).status).toBe('applied');

    // R-ADM-09: 6 official members present, the probationary member not in the base; 5 of 6 approve.
    let res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/cell-resolution`, {
      version: d.version,
      meetingDate: DATES.cellMeeting,
      presentMemberIds: [...kit.officials.map((m) => m.member.id), kit.probationary.member.id],
      approve: 5,
      reject: 1,
      document: { number: '05-NQ/CB', date: DATES.cellMeeting, issuer: 'Chi bộ Giáo viên' },
      signer: { title: 'Bí thư', name: 'Nguyễn Văn An' },
    });
    expect(res.status).toBe(200);
    d = res.body;
    // A grassroots committee (Đảng bộ Trường THPT) stands between the cell and the commune, which decides (R-ADM-14).
    expect(d.status).toBe('grassroots_resolution');
    expect(d.votes[0]).toMatchObject({ kind: 'cell_admission', officialCount: 6, base: 6, required: 4, approve: 5, thresholdMet: true, presentCount: 7 });
    // R-ADM-11: 60 working days from 5/5/2026 (no public holiday until 2/9), stored on the case.
    const row = await t.db.selectFrom('admission_cases').select(['due_at', 'due_dates']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.due_at).toBe(d.dueAt);
    expect(JSON.parse(row.due_dates).decisionDue).toBe(d.dueAt);
    expect(d.dueAt).toBe('2026-07-28');

    res = await call(t, kit.committee.cookie, 'POST', `${url}/grassroots-resolution`, { version: d.version, date: DATES.grassroots, committeeSize: 9, approve: 7, reject: 0 });
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.status).toBe('decision');
    expect(d.competentBodies.admission?.id).toBe(kit.tree.commune.id);

    res = await call(t, kit.committee.cookie, 'POST', `${url}/decision-extension`, {
      version: d.version,
      workingDays: 10,
      grantedOn: '2026-05-20',
      grantedBy: 'Ban Thường vụ Đảng ủy xã Lạc Dương',
    });
    expect(res.status).toBe(200);
    expect(res.body.extensions[0]).toMatchObject({ workingDays: 10, dueBefore: '2026-07-28', dueAfter: '2026-08-11' });
    d = res.body;

    res = await call(t, kit.committee.cookie, 'POST', `${url}/decision`, {
      version: d.version,
      date: DATES.decision,
      decidingOrganizationId: kit.tree.commune.id,
      admitted: true,
      receivedOn: DATES.received,
      document: { number: '112-QĐ/ĐU', date: DATES.decision, issuer: 'Đảng ủy xã Lạc Dương' },
      signer: { title: 'Bí thư', name: 'Trần Thị Bình' },
    });
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.status).toBe('ceremony');
    expect(d.dueAt).toBe(d.dueDates.ceremonyDue);
    expect((await candidate()).status).toBe('admitted');

    res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/ceremony`, { version: d.version, date: DATES.ceremony });
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.status).toBe('probation');
    expect(d.dueAt).toBe('2027-06-15'); // R-REC-01: 12 months from the ceremony
    const member = await t.db.selectFrom('members').selectAll().where('person_id', '=', walk.person.id).executeTakeFirstOrThrow();
    expect(member).toMatchObject({ status: 'probationary', organization_id: kit.tree.cellA.id, admission_decision_date: DATES.decision, ceremony_date: DATES.ceremony });
    const admitted = await t.db.selectFrom('member_events').selectAll().where('member_id', '=', member.id).execute();
    // R-REC-07: party age counts from the decision date.
    expect(admitted).toMatchObject([{ kind: 'admitted', event_date: DATES.decision, to_status: 'probationary', decision_ref: '112-QĐ/ĐU' }]);
    expect(d.memberId).toBe(member.id);

    // R-REC-03: the helper and the recognition file, during probation.
    res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/helpers`, { version: d.version, memberId: kit.officials[2].member.id, assignedOn: DATES.ceremony });
    expect(res.status).toBe(200);
    d = res.body;
    const early = await call(t, kit.secretaryA.cookie, 'POST', `${url}/end-probation`, { version: d.version });
    expect(early.status).toBe(422);
    expect(early.body.error.params.violations).toMatchObject([{ ruleId: 'R-REC-01', code: 'probation_not_ended' }]);

    // A year on: the sweep ends probation through decideAdmission.
    t.clock.now = new Date('2027-06-21T03:00:00.000Z');
    await kit.relogin();
    await giveCertificate(t, walk.person.id, kit.secretaryA.user.id, kit.tree.commune.id, 'new_member', '2026-09-01');
    expect(await sweepAdmissionDeadlines(t.db, t.clock.now)).toEqual({ changed: 1 });
    d = (await call(t, kit.secretaryA.cookie, 'GET', url)).body;
    expect(d.status).toBe('cell_recognition_vote');
    expect(d.dueAt).toBe(d.dueDates.recognitionVoteDue);

    res = await call(t, kit.secretaryA.cookie, 'PATCH', `${url}/file`, {
      version: d.version,
      memberHistoryCompletedOn: '2026-07-01',
      selfReviewOn: '2027-06-16',
      helperAssessmentOn: '2027-06-17',
    });
    expect(res.status).toBe(200);
    d = res.body;
    for (const [source, key, name, date] of [
      ['mass_organization', 'cdcs', 'Công đoàn cơ sở', '2027-06-17'],
      ['residence_cell_committee', 'thon-3', 'Chi ủy thôn Đạ Nghịt', '2027-06-18'],
    ]) {
      res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/opinions`, { version: d.version, phase: 'recognition', source, organizationKey: key, organizationName: name, date });
      expect(res.status).toBe(200);
      d = res.body;
    }
    res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/recognition-vote`, {
      version: d.version,
      meetingDate: '2027-06-21',
      motion: 'recognize',
      presentMemberIds: kit.officials.map((m) => m.member.id),
      approve: 6,
      reject: 0,
      document: { number: '09-NQ/CB', date: '2027-06-21', issuer: 'Chi bộ Giáo viên' },
    });
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.status).toBe('recognition_decision');

    res = await call(t, kit.committee.cookie, 'POST', `${url}/recognition-decision`, {
      version: d.version,
      date: '2027-06-21',
      decidingOrganizationId: kit.tree.commune.id,
      recognized: true,
      document: { number: '301-QĐ/ĐU', date: '2027-06-21', issuer: 'Đảng ủy xã Lạc Dương' },
    });
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.status).toBe('official');
    // R-REC-06: official from the end of probation, not from the (later) decision.
    const after = await t.db.selectFrom('members').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'official', official_date: '2027-06-15' });
    const events = await t.db.selectFrom('member_events').select(['kind', 'event_date', 'to_status']).where('member_id', '=', member.id).orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.event_date, e.to_status])).toEqual([
      ['admitted', DATES.decision, 'probationary'],
      ['recognized', '2027-06-15', 'official'],
    ]);
    expect(d.generated).toEqual(['cell-resolution', 'admission-decision', 'recognition-decision']);

    // The three Word documents carry the person's name, the numbers and the dates.
    for (const [doc, texts] of [
      ['cell-resolution', ['NGHỊ QUYẾT', 'Số 05-NQ/CB', 'T/M CHI BỘ', 'Nguyễn Văn An', '5/6']],
      ['admission-decision', ['QUYẾT ĐỊNH', 'Số 112-QĐ/ĐU', 'T/M BAN THƯỜNG VỤ', 'ĐẢNG ỦY XÃ LẠC DƯƠNG', 'Trần Thị Bình', '01/06/2026']],
      ['recognition-decision', ['Công nhận đảng viên chính thức', 'Số 301-QĐ/ĐU', '15/06/2027']],
    ] as const) {
      const r = await t.app.inject({ method: 'GET', url: `${url}/word/${doc}`, headers: { cookie: kit.secretaryA.cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('wordprocessingml');
      expect(String(r.headers['content-disposition'])).toContain('.docx');
      const xml = await documentXml(r.rawPayload);
      expect(xml).toContain(walk.person.full_name);
      for (const text of texts) expect(xml).toContain(text);
    }
    t.clock.now = new Date('2026-06-15T03:00:00.000Z');
    await kit.relogin();
  });
});
