import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildKit, call, checksum, DATES, giveCertificate, walkTo, type Kit } from './admission.fixtures.ts';

// Every step refused by its rule: the answer names the rule ids (422 RULE_VIOLATION with the violations), nothing
// of the case, its facts, the member or the candidacy changes (a checksum of those tables), and the attempt is kept
// in admission_refusals (written after the refused transaction rolled back) for the quality report.

describe.each(ENGINES)('admission refusals on %s', (engine) => {
  let t: TestApp;
  let kit: Kit;
  const TODAY = new Date('2026-06-15T03:00:00.000Z');

  beforeAll(async () => {
    t = await buildTestApp(engine);
    kit = await buildKit(t, engine);
  });
  afterAll(() => t.close());

  async function refusals() {
    const r = await t.db.selectFrom('admission_refusals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Submits a step expected to be refused by `rules`; checks that nothing changed and the refusal was recorded. */
  async function expectRefused(cookie: string, url: string, body: unknown, rules: string[], codes: string[] = []) {
    const before = await checksum(t);
    const kept = await refusals();
    const res = await call(t, cookie, 'POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('RULE_VIOLATION');
    const violations = res.body.error.params.violations as { ruleId: string; code: string; ok: boolean }[];
    expect(violations.every((v) => v.ok === false)).toBe(true);
    for (const rule of rules) {
      expect(violations.map((v) => v.ruleId)).toContain(rule);
      expect(res.body.error.params.rule).toContain(rule);
    }
    for (const code of codes) expect(violations.map((v) => v.code)).toContain(code);
    expect(await checksum(t)).toBe(before);
    expect(await refusals()).toBe(kept + 1);
    return violations;
  }

  it('WORKFLOW: a step that is not the current one', async () => {
    const { url, detail } = await walkTo(t, kit, 'introduced');
    await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: detail.version, step: 'training' }, ['WORKFLOW'], ['action_not_allowed_in_status']);
  });

  it('R-ADM-04: training is not complete without a party-awareness certificate', async () => {
    const { url, detail } = await walkTo(t, kit, 'training', { certificate: false });
    await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: detail.version, step: 'training' }, ['R-ADM-04'], ['no_certificate']);
  });

  it('R-ADM-04: a certificate more than 60 months old has expired', async () => {
    const { url, detail, person } = await walkTo(t, kit, 'training', { certificate: false });
    await giveCertificate(t, person.id, kit.secretaryA.user.id, kit.tree.commune.id, 'party_awareness', '2021-06-14');
    await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: detail.version, step: 'training' }, ['R-ADM-04'], ['certificate_expired']);
  });

  it('R-ADM-05: the application must be on file, and dated before the personal history', async () => {
    const a = await walkTo(t, kit, 'application');
    await expectRefused(kit.secretaryA.cookie, `${a.url}/steps/complete`, { version: a.detail.version, step: 'application' }, ['R-ADM-05'], ['application_missing']);

    const h = await walkTo(t, kit, 'history');
    const patched = await call(t, kit.secretaryA.cookie, 'PATCH', `${h.url}/file`, { version: h.detail.version, historyDate: '2026-01-20' });
    expect(patched.status).toBe(200);
    await expectRefused(kit.secretaryA.cookie, `${h.url}/steps/complete`, { version: patched.body.version, step: 'history' }, ['R-ADM-05'], ['history_before_application']);
  });

  it('R-ADM-07: every person to verify needs a named verifier and a result', async () => {
    const { url, detail } = await walkTo(t, kit, 'verification');
    const v = await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: detail.version, step: 'verification' }, ['R-ADM-07'], ['not_verified']);
    // The applicant and the father; the mother is a fully declared party member (exempt).
    expect(v.map((x) => (x as unknown as { facts: { subjectKey: string } }).facts.subjectKey).sort()).toEqual(['applicant', 'father']);
  });

  it('R-ADM-06: introducers must be official members with 12 months beside the applicant', async () => {
    const { url, detail } = await walkTo(t, kit, 'introductions');
    let d = detail;
    for (const [memberId, months] of [
      [kit.probationary.member.id, 24],
      [kit.officials[0].member.id, 11],
    ]) {
      const r = await call(t, kit.secretaryA.cookie, 'POST', `${url}/introducers`, { version: d.version, memberId, sameUnit: true, monthsWithApplicant: months, introducedOn: DATES.introduced });
      expect(r.status).toBe(200);
      d = r.body;
    }
    await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: d.version, step: 'introductions' }, ['R-ADM-06'], [
      'introducer_not_official',
      'introducer_too_short_with_applicant',
      'too_few_qualified_introducers',
    ]);
  });

  it('R-ADM-08: opinions of the mass organization and the residence cell before the vote', async () => {
    const { url, detail } = await walkTo(t, kit, 'opinions');
    await expectRefused(kit.secretaryA.cookie, `${url}/steps/complete`, { version: detail.version, step: 'opinions' }, ['R-ADM-08'], ['opinion_missing']);
  });

  it('R-ADM-01 and R-REC-02: 17 years 11 months on the meeting day, and more votes than official members present', async () => {
    // Born in June 2008: 215 whole months on 5/5/2026 (R-ADM-01 counts months, the day ignored).
    const { url, detail } = await walkTo(t, kit, 'cell_resolution', { birthDate: '2008-06-01' });
    await expectRefused(
      kit.secretaryA.cookie,
      `${url}/cell-resolution`,
      { version: detail.version, meetingDate: DATES.cellMeeting, presentMemberIds: kit.officials.map((m) => m.member.id), approve: 6, reject: 1 },
      ['R-ADM-01', 'R-REC-02'],
      ['under_minimum_age', 'more_votes_than_official_members_present'],
    );
  });

  it('R-ADM-09: a vote that does not reach 2/3 of the base ends the case (an outcome, not a refusal)', async () => {
    const { url, detail, candidateId } = await walkTo(t, kit, 'cell_resolution');
    const officials = kit.officials.map((m) => m.member.id);
    // Base = 6 official − 1 temporarily transferred out − 1 exempted and absent = 4; 2 of 4 is short of 2/3.
    const res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/cell-resolution`, {
      version: detail.version,
      meetingDate: DATES.cellMeeting,
      presentMemberIds: officials.slice(0, 4),
      temporarilyTransferredOutMemberIds: [officials[4]],
      exemptedMemberIds: [officials[5]],
      approve: 2,
      reject: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'refused', endReason: 'cell_vote_not_carried' });
    expect(res.body.votes[0]).toMatchObject({ base: 4, required: 3, approve: 2, thresholdMet: false });
    const c = await t.db.selectFrom('candidates').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow();
    expect(c.status).toBe('not_admitted');
  });

  it('R-ADM-10: the grassroots committee cannot cast more votes than it has members', async () => {
    const { url, detail } = await walkTo(t, kit, 'grassroots_resolution');
    await expectRefused(kit.committee.cookie, `${url}/grassroots-resolution`, { version: detail.version, date: DATES.grassroots, committeeSize: 5, approve: 6, reject: 0 }, ['R-ADM-10'], [
      'more_votes_than_committee_members',
    ]);
  });

  it('R-ADM-11 and R-ADM-14: one extension of at most 30 working days; only the competent body decides', async () => {
    const { url, detail } = await walkTo(t, kit, 'decision');
    await expectRefused(
      kit.committee.cookie,
      `${url}/decision-extension`,
      { version: detail.version, workingDays: 31, grantedOn: '2026-06-01', grantedBy: 'Ban Thường vụ' },
      ['R-ADM-11'],
      ['extension_too_long'],
    );
    // The grassroots committee of the school has no admission authority on 1/6/2026: the commune decides.
    await expectRefused(
      kit.committee.cookie,
      `${url}/decision`,
      { version: detail.version, date: DATES.decision, decidingOrganizationId: kit.tree.grassroots.id, admitted: true, receivedOn: DATES.received },
      ['R-ADM-14'],
      ['not_competent_body'],
    );
  });

  it('R-ADM-12: a ceremony after 30 working days needs the superior committee’s approval', async () => {
    const { url, detail } = await walkTo(t, kit, 'ceremony');
    t.clock.now = new Date('2026-08-03T03:00:00.000Z');
    await kit.relogin();
    try {
      await expectRefused(kit.secretaryA.cookie, `${url}/ceremony`, { version: detail.version, date: '2026-07-31' }, ['R-ADM-12'], ['late_without_superior_approval']);
      const ok = await call(t, kit.secretaryA.cookie, 'POST', `${url}/ceremony`, {
        version: detail.version,
        date: '2026-07-31',
        superiorApproval: { number: '45-CV/ĐU', date: '2026-07-20', issuer: 'Đảng ủy xã Lạc Dương' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('probation');
    } finally {
      t.clock.now = TODAY;
      await kit.relogin();
    }
  });

  it('R-REC-01, R-REC-04, R-REC-03: probation, the recognition vote and the file; a name struck from the probationary list', async () => {
    const { url, detail, person } = await walkTo(t, kit, 'probation');
    await expectRefused(kit.secretaryA.cookie, `${url}/end-probation`, { version: detail.version }, ['R-REC-01'], ['probation_not_ended']);
    t.clock.now = new Date('2027-06-21T03:00:00.000Z');
    await kit.relogin();
    try {
      let d = (await call(t, kit.secretaryA.cookie, 'POST', `${url}/end-probation`, { version: detail.version })).body;
      expect(d.status).toBe('cell_recognition_vote');
      const present = kit.officials.map((m) => m.member.id);
      // R-REC-04: the cell votes only once the 12 months are over.
      await expectRefused(kit.secretaryA.cookie, `${url}/recognition-vote`, { version: d.version, meetingDate: '2027-06-10', motion: 'recognize', presentMemberIds: present, approve: 6, reject: 0 }, [
        'R-REC-04',
      ], ['vote_before_probation_end']);
      // R-REC-03: a recognition carried by the cell needs the file (certificate, helper, self-review, assessment, opinions).
      await expectRefused(kit.secretaryA.cookie, `${url}/recognition-vote`, { version: d.version, meetingDate: '2027-06-21', motion: 'recognize', presentMemberIds: present, approve: 6, reject: 0 }, [
        'R-REC-03',
      ], ['new_member_certificate_missing', 'no_helper', 'self_review_missing']);
      // The cell proposes striking the name instead; the committee cannot then recognize (R-REC-04).
      d = (await call(t, kit.secretaryA.cookie, 'POST', `${url}/recognition-vote`, { version: d.version, meetingDate: '2027-06-21', motion: 'propose_name_removal', presentMemberIds: present, approve: 5, reject: 1 })).body;
      expect(d.status).toBe('recognition_decision');
      await expectRefused(kit.committee.cookie, `${url}/recognition-decision`, { version: d.version, date: '2027-06-21', decidingOrganizationId: kit.tree.commune.id, recognized: true }, ['R-REC-04'], [
        'recognized_without_cell_proposal',
      ]);
      const res = await call(t, kit.committee.cookie, 'POST', `${url}/recognition-decision`, { version: d.version, date: '2027-06-21', decidingOrganizationId: kit.tree.commune.id, recognized: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'struck_from_probation', endReason: 'recognition_refused' });
      const member = await t.db.selectFrom('members').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
      expect(member).toMatchObject({ status: 'struck_off', left_date: '2027-06-21' });
      const last = await t.db.selectFrom('member_events').select(['kind', 'to_status']).where('member_id', '=', member.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(last).toEqual({ kind: 'struck_off', to_status: 'struck_off' });
    } finally {
      t.clock.now = TODAY;
      await kit.relogin();
    }
  });

  it('a refused file fact answers a validation error and a stale version a conflict, changing nothing', async () => {
    const { url, detail } = await walkTo(t, kit, 'verification');
    const before = await checksum(t);
    const future = await call(t, kit.secretaryA.cookie, 'PATCH', `${url}/file`, { version: detail.version, applicationDate: '2026-07-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([{ path: 'applicationDate', code: 'DATE_IN_FUTURE' }]);
    const stale = await call(t, kit.secretaryA.cookie, 'PATCH', `${url}/file`, { version: detail.version - 1, place: 'Đà Lạt' });
    expect(stale.status).toBe(409);
    const unknown = await call(t, kit.secretaryA.cookie, 'POST', `${url}/verifications`, {
      version: detail.version,
      subjectKey: 'uncle',
      requestOrganization: 'UBND xã',
      sentOn: '2026-05-01',
      replyDueOn: '2026-05-20',
    });
    expect(unknown.status).toBe(400);
    expect(await checksum(t)).toBe(before);
  });

  it('a case is withdrawn with its candidacy', async () => {
    const { url, detail, candidateId } = await walkTo(t, kit, 'history');
    const res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/refuse`, { version: detail.version, reason: 'withdrawn', date: '2026-06-10', note: 'Chuyển công tác' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'refused', endReason: 'withdrawn', closedOn: '2026-06-10' });
    const c = await t.db.selectFrom('candidates').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow();
    expect(c.status).toBe('withdrawn');
  });

  // Last in the file: the records below change the roll of 5/5/2026 for the cases walked after them.
  it('R-ADM-09: temporary transfers and exemptions on record leave the base without being ticked', async () => {
    const { url, detail } = await walkTo(t, kit, 'cell_resolution');
    const [away, exempt] = [kit.officials[4].member.id, kit.officials[5].member.id];
    const at = '2026-04-01T00:00:00.000Z';
    const by = kit.secretaryA.user.id;
    await t.db
      .insertInto('transfers')
      .values({
        member_id: away,
        kind: 'temporary',
        direction: 'outgoing',
        status: 'issued',
        from_organization_id: kit.tree.cellA.id,
        outside_organization_name: 'Đảng bộ Trường Chính trị tỉnh',
        letter_number: '12-GGT/CB',
        letter_issued_on: '2026-04-01',
        presentation_due: '2026-05-14',
        temporary_purpose: 'full_time_study',
        temporary_from: '2026-04-01',
        temporary_to: '2026-05-31',
        created_by: by,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    await t.db
      .insertInto('exemptions')
      .values({
        member_id: exempt,
        organization_id: kit.tree.cellA.id,
        reason: 'illness',
        request_kind: 'written',
        requested_on: '2026-04-01',
        decided_on: '2026-04-02',
        decision_ref: 'Biên bản họp chi bộ 02/4/2026',
        from_date: '2026-04-02',
        to_date: '2026-05-31',
        from_activities: 1,
        from_work: 1,
        created_by: by,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    const roll = await call(t, kit.secretaryA.cookie, 'GET', `${url}/roll?date=2026-05-05`);
    expect(roll.body.items.filter((m: { transferredOutOnRecord: boolean }) => m.transferredOutOnRecord).map((m: { memberId: number }) => m.memberId)).toEqual([away]);
    expect(roll.body.items.filter((m: { exemptedOnRecord: boolean }) => m.exemptedOnRecord).map((m: { memberId: number }) => m.memberId)).toEqual([exempt]);
    // Four present; the member away and the absent exempted member are not ticked yet leave the base: 3 of 4 reach 2/3.
    const res = await call(t, kit.secretaryA.cookie, 'POST', `${url}/cell-resolution`, {
      version: detail.version,
      meetingDate: DATES.cellMeeting,
      presentMemberIds: kit.officials.slice(0, 4).map((m) => m.member.id),
      approve: 3,
      reject: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.votes[0]).toMatchObject({ officialCount: 6, base: 4, required: 3, approve: 3, thresholdMet: true });
    expect(res.body.status).toBe('grassroots_resolution');
  });
});
