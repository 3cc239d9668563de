import { describe, expect, it } from 'vitest';
import type { CellRollEntry } from './admission-vote.ts';
import {
  ADMISSION_STEP_RULES,
  FILE_STEPS,
  INITIAL_ADMISSION_STATE,
  WORKFLOW_RULE_ID,
  admissionChecklist,
  admissionDueDates,
  decideAdmission,
  type AdmissionAction,
  type AdmissionDecideResult,
  type AdmissionFacts,
  type AdmissionState,
  type CellResolution,
  type RecognitionVote,
} from './admission-workflow.ts';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import { buildCalendar } from './working-days.ts';

const doc = (number: string, date: string) => ({ number, date, issuer: 'Đảng ủy xã Lạc Dương' });
const COMMUNE = 10;

const roll = (officials: number, probationary = 0): CellRollEntry[] =>
  Array.from({ length: officials + probationary }, (_, i) => ({
    personId: 100 + i,
    standing: i < officials ? 'official' : 'probationary',
    temporarilyTransferredOut: false,
    exempted: false,
    attended: true,
  }));

/** A candidate whose file is complete for a cell meeting on 20/1/2026. */
function buildFacts(over: Partial<AdmissionFacts> = {}): AdmissionFacts {
  return {
    ruleSets: ADMISSION_RULE_SETS,
    calendar: buildCalendar([]),
    applicant: {
      personId: 1,
      name: 'Ka Sô Liễng',
      birthDate: '1994-04-10',
      education: { level: 'upper_secondary', exception: null },
      isYouthUnionMember: false,
    },
    over60Agreement: null,
    certificates: [{ kind: 'party_awareness', issuedOn: '2025-10-01', number: 'NT-2025-118' }],
    applicationDate: '2025-11-03',
    historyDate: '2025-11-10',
    relatives: [
      { key: 'father', relation: 'father', name: 'Ka Sô Ha', birthDate: '1965-01-01', isPartyMember: false, fullyDeclared: false },
      { key: 'mother', relation: 'mother', name: 'Liêng Hót K’Thu', birthDate: '1968-01-01', isPartyMember: true, fullyDeclared: true },
    ],
    verifications: ['applicant', 'father'].map((subjectKey) => ({
      subjectKey,
      verifierName: 'Nguyễn Văn Thẩm',
      conclusion: 'clear' as const,
      verifiedOn: '2025-12-15',
    })),
    introducers: [2, 3].map((personId) => ({ personId, name: `ĐV ${personId}`, standing: 'official' as const, sameUnit: true, monthsWithApplicant: 24 })),
    youthUnionResolution: null,
    massOrganizations: [{ key: 'cdcs', name: 'Công đoàn cơ sở' }],
    opinions: [
      { source: 'mass_organization', organizationKey: 'cdcs', organizationName: 'Công đoàn cơ sở', date: '2026-01-10' },
      { source: 'residence_cell_committee', organizationKey: 'thon-3', organizationName: 'Chi ủy thôn Đạ Nghịt', date: '2026-01-12' },
    ],
    readmission: null,
    grassrootsCommitteeBetween: false,
    deciderIsGrassrootsCommittee: false,
    admissionCompetentBodyId: COMMUNE,
    recognitionCompetentBodyId: COMMUNE,
    cellResolution: null,
    grassrootsResolution: null,
    decision: null,
    ceremony: null,
    memberHistoryCompletedOn: null,
    helpers: [],
    selfReviewOn: null,
    helperAssessmentOn: null,
    recognitionOpinions: [],
    recognitionVote: null,
    recognitionDecision: null,
    ...over,
  };
}

const CELL_RESOLUTION: CellResolution = { meetingDate: '2026-01-20', roll: roll(6, 1), tally: { approve: 5, reject: 1 }, document: doc('05-NQ/CB', '2026-01-20') };
const DECISION = {
  date: '2026-03-02',
  decidingOrganizationId: COMMUNE,
  admitted: true,
  receivedOn: '2026-03-04',
  committeeVote: null,
  document: doc('112-QĐ/ĐU', '2026-03-02'),
};
const CEREMONY = { date: '2026-03-20', superiorApproval: null };
const RECOGNITION_FILE: Partial<AdmissionFacts> = {
  certificates: [
    { kind: 'party_awareness', issuedOn: '2025-10-01', number: 'NT-2025-118' },
    { kind: 'new_member', issuedOn: '2026-09-01', number: 'ĐVM-0917' },
  ],
  memberHistoryCompletedOn: '2026-04-20',
  helpers: [{ personId: 2, name: 'ĐV 2', standingWhenAssigned: 'official', assignedOn: '2026-03-20' }],
  selfReviewOn: '2027-03-21',
  helperAssessmentOn: '2027-03-22',
  recognitionOpinions: [
    { source: 'mass_organization', organizationKey: 'cdcs', organizationName: 'Công đoàn cơ sở', date: '2027-03-22' },
    { source: 'residence_cell_committee', organizationKey: 'thon-3', organizationName: 'Chi ủy thôn Đạ Nghịt', date: '2027-03-23' },
  ],
};
const VOTE: RecognitionVote = { meetingDate: '2027-03-25', motion: 'recognize', roll: roll(7), tally: { approve: 7, reject: 0 }, document: null };

function expectOk(r: AdmissionDecideResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.violations)}`);
  return r;
}
function expectViolations(r: AdmissionDecideResult) {
  if (r.ok) throw new Error(`expected violations, got ${r.state.status}`);
  return r.violations;
}
const at = (status: AdmissionState['status'], over: Partial<AdmissionState> = {}): AdmissionState => ({ ...INITIAL_ADMISSION_STATE, status, ...over });

/** Runs the file steps and the cell resolution, returning the state and the facts as the service would have stored them. */
function throughCellResolution(facts = buildFacts()): { state: AdmissionState; dueAt: string | null; facts: AdmissionFacts } {
  let state = INITIAL_ADMISSION_STATE;
  for (const step of FILE_STEPS) state = expectOk(decideAdmission(state, { type: 'complete_step', step }, facts, '2026-01-15')).state;
  const r = expectOk(decideAdmission(state, { type: 'cell_resolution', resolution: CELL_RESOLUTION }, facts, '2026-01-20'));
  return { state: r.state, dueAt: r.dueAt, facts: { ...facts, cellResolution: CELL_RESOLUTION } };
}

describe('decideAdmission: the whole way', () => {
  it('walks introduced → … → official, with the due date of each waiting step', () => {
    let { state, dueAt, facts } = throughCellResolution();
    expect(state.status).toBe('decision');
    expect(dueAt).toBe('2026-04-21'); // R-ADM-11: 60 working days across Tết 2026

    let r = expectOk(decideAdmission(state, { type: 'decision', decision: DECISION }, facts, '2026-03-04'));
    ({ state, dueAt } = r);
    facts = { ...facts, decision: DECISION };
    expect(state.status).toBe('ceremony');
    expect(dueAt).toBe('2026-04-15'); // R-ADM-12: 30 working days (six weeks, no holiday) from receipt on 4/3

    r = expectOk(decideAdmission(state, { type: 'ceremony', ceremony: CEREMONY }, facts, '2026-03-20'));
    ({ state, dueAt } = r);
    facts = { ...facts, ceremony: CEREMONY, ...RECOGNITION_FILE };
    expect([state.status, dueAt]).toEqual(['probation', '2027-03-20']); // R-REC-01

    r = expectOk(decideAdmission(state, { type: 'end_probation' }, facts, '2027-03-20'));
    ({ state, dueAt } = r);
    expect([state.status, dueAt]).toEqual(['cell_recognition_vote', '2027-05-05']); // R-REC-04

    r = expectOk(decideAdmission(state, { type: 'cell_recognition_vote', vote: VOTE }, facts, '2027-03-25'));
    ({ state, dueAt } = r);
    facts = { ...facts, recognitionVote: VOTE };
    expect([state.status, state.recognitionProposal, dueAt]).toEqual(['recognition_decision', 'recognize', '2027-05-11']); // R-REC-05

    const recognition = { date: '2027-04-10', decidingOrganizationId: COMMUNE, recognized: true, document: null };
    r = expectOk(decideAdmission(state, { type: 'recognition_decision', decision: recognition }, facts, '2027-04-12'));
    expect([r.state.status, r.dueAt]).toEqual(['official', null]);

    const due = admissionDueDates(r.state, { ...facts, recognitionDecision: recognition });
    expect(due.officialOn).toBe('2027-03-20'); // R-REC-06
    expect(due.partyAgeFrom).toBe('2026-03-02'); // R-REC-07
  });

  it('R-ADM-10: with a grassroots committee between the cell and the commune, its resolution comes first, and 2/3 of its members must carry it', () => {
    const facts = buildFacts({ grassrootsCommitteeBetween: true });
    const { state } = throughCellResolution(facts);
    expect(state.status).toBe('grassroots_resolution');
    const f = { ...facts, cellResolution: CELL_RESOLUTION };
    const carried = expectOk(
      decideAdmission(state, { type: 'grassroots_resolution', resolution: { date: '2026-02-03', committeeSize: 9, tally: { approve: 6, reject: 1 }, document: null } }, f, '2026-02-03'),
    );
    expect([carried.state.status, carried.dueAt]).toEqual(['decision', '2026-04-21']);
    const lost = expectOk(
      decideAdmission(state, { type: 'grassroots_resolution', resolution: { date: '2026-02-03', committeeSize: 9, tally: { approve: 5, reject: 0 }, document: null } }, f, '2026-02-03'),
    );
    expect([lost.state.status, lost.state.endReason]).toEqual(['refused', 'grassroots_vote_not_carried']);
  });
});

describe('decideAdmission: the gates', () => {
  it('R-ADM-09: a cell vote below 2/3 ends the case as refused (an outcome, not a violation)', () => {
    const facts = buildFacts();
    const r = expectOk(
      decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: { ...CELL_RESOLUTION, tally: { approve: 3, reject: 3 } } }, facts, '2026-01-20'),
    );
    expect([r.state.status, r.state.endReason, r.dueAt]).toEqual(['refused', 'cell_vote_not_carried', null]);
  });

  it('R-ADM-04, R-ADM-01: the cell cannot consider a candidate whose certificate has expired or who is under 18 on the meeting date', () => {
    const facts = buildFacts({
      certificates: [{ kind: 'party_awareness', issuedOn: '2021-01-19', number: null }],
      applicant: { ...buildFacts().applicant, birthDate: '2008-02-01' },
    });
    const v = expectViolations(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, facts, '2026-01-20'));
    expect(v.map((c) => [c.ruleId, c.code])).toEqual([
      ['R-ADM-04', 'certificate_expired'],
      ['R-ADM-01', 'under_minimum_age'],
    ]);
  });

  it('R-ADM-08: an opinion dated on the meeting day blocks the cell resolution even though it was on file when the step completed', () => {
    const facts = buildFacts({ opinions: [{ source: 'residence_cell_committee', organizationKey: 'thon-3', organizationName: 'Chi ủy', date: '2026-01-20' }] });
    expect(expectViolations(decideAdmission(at('opinions'), { type: 'complete_step', step: 'opinions' }, facts, '2026-01-20')).map((c) => c.code)).toEqual([
      'opinion_missing',
    ]);
    const v = expectViolations(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, facts, '2026-01-20'));
    expect(v.map((c) => c.code)).toEqual(['opinion_missing', 'opinion_not_before_vote']);
  });

  it('R-REC-02: minutes with more votes than official members present are refused', () => {
    const v = expectViolations(
      decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: { ...CELL_RESOLUTION, tally: { approve: 6, reject: 1 } } }, buildFacts(), '2026-01-20'),
    );
    expect(v).toMatchObject([{ ruleId: 'R-REC-02', code: 'more_votes_than_official_members_present' }]);
  });

  it('R-ADM-15: a readmission after abandoning activities never reaches a vote; the provincial agreement gates the decision', () => {
    const barred = buildFacts({ readmission: { leftOn: '2019-01-01', cause: { kind: 'abandoned_activities' }, previousReadmissions: 0, provincialAgreement: null } });
    const v = expectViolations(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, barred, '2026-01-20'));
    expect(v.map((c) => c.code)).toEqual(['leaving_cause_bars_readmission']);

    const allowed = buildFacts({
      readmission: { leftOn: '2019-01-01', cause: { kind: 'voluntary_exit', familyHardship: true }, previousReadmissions: 0, provincialAgreement: null },
      cellResolution: CELL_RESOLUTION,
    });
    const d = expectViolations(decideAdmission(at('decision'), { type: 'decision', decision: DECISION }, allowed, '2026-03-04'));
    expect(d).toMatchObject([{ ruleId: 'R-ADM-15', code: 'no_provincial_agreement' }]);
  });

  it('R-ADM-02: over 60 on the meeting date needs the recorded provincial agreement', () => {
    const old = buildFacts({ applicant: { ...buildFacts().applicant, birthDate: '1965-12-31' } });
    const v = expectViolations(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, old, '2026-01-20'));
    expect(v).toMatchObject([{ ruleId: 'R-ADM-02', code: 'over_maximum_age_without_provincial_agreement' }]);
    const agreed = { ...old, over60Agreement: { number: '301-CV/TU', date: '2026-01-05', issuer: 'Ban Thường vụ Tỉnh ủy' } };
    expect(expectOk(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, agreed, '2026-01-20')).state.status).toBe('decision');
  });

  it('R-ADM-14: a decision by another organization than the competent body is refused', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION });
    const v = expectViolations(decideAdmission(at('decision'), { type: 'decision', decision: { ...DECISION, decidingOrganizationId: 11 } }, facts, '2026-03-04'));
    expect(v).toMatchObject([{ ruleId: 'R-ADM-14', code: 'not_competent_body' }]);
  });

  it('R-ADM-10: an authorised grassroots committee admits only with its recorded vote of 2/3 of its members', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, deciderIsGrassrootsCommittee: true });
    expect(expectViolations(decideAdmission(at('decision'), { type: 'decision', decision: DECISION }, facts, '2026-03-04'))).toMatchObject([
      { ruleId: 'R-ADM-10', code: 'committee_vote_missing' },
    ]);
    const weak = { ...DECISION, committeeVote: { committeeSize: 9, tally: { approve: 5, reject: 4 } } };
    expect(expectViolations(decideAdmission(at('decision'), { type: 'decision', decision: weak }, facts, '2026-03-04'))).toMatchObject([
      { ruleId: 'R-ADM-10', code: 'threshold_not_reached' },
    ]);
    const refused = expectOk(decideAdmission(at('decision'), { type: 'decision', decision: { ...weak, admitted: false, receivedOn: null } }, facts, '2026-03-04'));
    expect([refused.state.status, refused.state.endReason]).toEqual(['refused', 'decision_refused']);
  });

  it('R-ADM-11: a late decision is still taken, with the lateness recorded; one extension of at most 30 working days moves the due date', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION });
    const late = expectOk(decideAdmission(at('decision'), { type: 'decision', decision: { ...DECISION, date: '2026-04-22', receivedOn: '2026-04-23' } }, facts, '2026-04-23'));
    expect(late.checks[0]).toMatchObject({ ruleId: 'R-ADM-11', ok: false, code: 'late' });

    const ext = expectOk(decideAdmission(at('decision'), { type: 'extend_decision', extension: { workingDays: 30, grantedOn: '2026-04-15', document: null } }, facts, '2026-04-15'));
    expect([ext.state.status, ext.state.decisionExtensionWorkingDays, ext.dueAt]).toEqual(['decision', 30, '2026-06-05']);
    const again = expectViolations(decideAdmission(ext.state, { type: 'extend_decision', extension: { workingDays: 5, grantedOn: '2026-04-16', document: null } }, facts, '2026-04-16'));
    expect(again).toMatchObject([{ ruleId: 'R-ADM-11', code: 'extension_already_granted' }]);
    const tooLong = expectViolations(decideAdmission(at('decision'), { type: 'extend_decision', extension: { workingDays: 31, grantedOn: '2026-04-15', document: null } }, facts, '2026-04-15'));
    expect(tooLong).toMatchObject([{ ruleId: 'R-ADM-11', code: 'extension_too_long' }]);
  });

  it('R-ADM-12: a ceremony after the due date needs the superior committee approval', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, decision: DECISION });
    const late = { date: '2026-04-17', superiorApproval: null };
    expect(expectViolations(decideAdmission(at('ceremony'), { type: 'ceremony', ceremony: late }, facts, '2026-04-17'))).toMatchObject([
      { ruleId: 'R-ADM-12', code: 'late_without_superior_approval' },
    ]);
    const approved = { ...late, superiorApproval: doc('20-CV/ĐU', '2026-04-10') };
    expect(expectOk(decideAdmission(at('ceremony'), { type: 'ceremony', ceremony: approved }, facts, '2026-04-17')).state.status).toBe('probation');
  });

  it('R-REC-01: probation cannot end before 12 months from the ceremony', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, decision: DECISION, ceremony: CEREMONY });
    expect(expectViolations(decideAdmission(at('probation'), { type: 'end_probation' }, facts, '2027-03-19'))).toMatchObject([
      { ruleId: 'R-REC-01', code: 'probation_not_ended' },
    ]);
  });

  it('R-REC-03: a recognition carried without the new-member certificate or a helper is refused; a removal proposal is not held back', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, decision: DECISION, ceremony: CEREMONY, ...RECOGNITION_FILE, certificates: [], helpers: [] });
    const v = expectViolations(decideAdmission(at('cell_recognition_vote'), { type: 'cell_recognition_vote', vote: VOTE }, facts, '2027-03-25'));
    expect(v.map((c) => [c.ruleId, c.code])).toEqual([
      ['R-REC-03', 'new_member_certificate_missing'],
      ['R-REC-03', 'no_helper'],
    ]);
    const removal = expectOk(decideAdmission(at('cell_recognition_vote'), { type: 'cell_recognition_vote', vote: { ...VOTE, motion: 'propose_name_removal' } }, facts, '2027-03-25'));
    expect([removal.state.status, removal.state.recognitionProposal]).toEqual(['recognition_decision', 'propose_name_removal']);
    const struck = expectOk(
      decideAdmission(removal.state, { type: 'recognition_decision', decision: { date: '2027-04-05', decidingOrganizationId: COMMUNE, recognized: false, document: null } }, { ...facts, recognitionVote: VOTE }, '2027-04-05'),
    );
    expect([struck.state.status, struck.state.endReason]).toEqual(['struck_from_probation', 'recognition_refused']);
  });

  it('R-REC-04: the cell cannot vote before probation ends; after three votes carrying neither motion the superior committee decides', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, decision: DECISION, ceremony: CEREMONY, ...RECOGNITION_FILE });
    const early = expectViolations(
      decideAdmission(at('cell_recognition_vote'), { type: 'cell_recognition_vote', vote: { ...VOTE, meetingDate: '2027-03-19' } }, facts, '2027-03-19'),
    );
    expect(early[0]).toMatchObject({ ruleId: 'R-REC-04', code: 'vote_before_probation_end' });

    const lost: AdmissionAction = { type: 'cell_recognition_vote', vote: { ...VOTE, tally: { approve: 4, reject: 3 } } };
    let state = at('cell_recognition_vote');
    for (const expected of ['cell_recognition_vote', 'cell_recognition_vote', 'recognition_decision']) {
      const r = expectOk(decideAdmission(state, lost, facts, '2027-03-25'));
      state = r.state;
      expect(state.status).toBe(expected);
    }
    expect([state.failedRecognitionVotes, state.recognitionProposal]).toEqual([3, 'refer_to_superior']);
  });

  it('R-REC-04: the committee cannot recognize a member the cell proposed to strike off', () => {
    const facts = buildFacts({ recognitionVote: VOTE });
    const v = expectViolations(
      decideAdmission(
        at('recognition_decision', { recognitionProposal: 'propose_name_removal' }),
        { type: 'recognition_decision', decision: { date: '2027-04-05', decidingOrganizationId: COMMUNE, recognized: true, document: null } },
        facts,
        '2027-04-05',
      ),
    );
    expect(v).toMatchObject([{ ruleId: 'R-REC-04', code: 'recognized_without_cell_proposal' }]);
  });

  it('refuses an action in the wrong status, a date in the future, and a refusal after the decision', () => {
    const facts = buildFacts();
    expect(expectViolations(decideAdmission(at('training'), { type: 'complete_step', step: 'opinions' }, facts, '2026-01-15'))).toMatchObject([
      { ruleId: WORKFLOW_RULE_ID, code: 'action_not_allowed_in_status' },
    ]);
    expect(expectViolations(decideAdmission(at('cell_resolution'), { type: 'cell_resolution', resolution: CELL_RESOLUTION }, facts, '2026-01-19'))).toMatchObject([
      { ruleId: WORKFLOW_RULE_ID, code: 'date_in_future' },
    ]);
    expect(expectOk(decideAdmission(at('verification'), { type: 'refuse', reason: 'withdrawn', date: '2026-01-15' }, facts, '2026-01-15')).state).toMatchObject({
      status: 'refused',
      endReason: 'withdrawn',
    });
    expect(expectViolations(decideAdmission(at('probation'), { type: 'refuse', reason: 'withdrawn', date: '2026-05-01' }, facts, '2026-05-01'))[0].code).toBe(
      'action_not_allowed_in_status',
    );
  });

  it('a file step cannot be completed with its documents missing (R-ADM-04 at training, R-ADM-07 at verification)', () => {
    const facts = buildFacts({ certificates: [], verifications: [] });
    expect(expectViolations(decideAdmission(at('training'), { type: 'complete_step', step: 'training' }, facts, '2026-01-15'))).toMatchObject([
      { ruleId: 'R-ADM-04', code: 'no_certificate' },
    ]);
    expect(expectViolations(decideAdmission(at('verification'), { type: 'complete_step', step: 'verification' }, facts, '2026-01-15')).map((c) => c.facts.subjectKey)).toEqual([
      'applicant',
      'father',
    ]);
  });
});

describe('admissionChecklist', () => {
  it('shows every condition with its step; a decision past its due date shows R-ADM-11 overdue', () => {
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION });
    const items = admissionChecklist(at('decision'), facts, '2026-04-22');
    expect(items.find((i) => i.ruleId === 'R-ADM-11')).toMatchObject({ step: 'decision', ok: false, code: 'overdue', facts: { dueDate: '2026-04-21' } });
    expect(items.filter((i) => i.step === 'cell_resolution').map((i) => i.ruleId)).toEqual(['R-ADM-01', 'R-ADM-03', 'R-REC-02', 'R-ADM-09']);
    expect(items.every((i) => i.ok || i.ruleId === 'R-ADM-11')).toBe(true);
  });

  it('judges the file on the meeting date once it is set and on today before', () => {
    const facts = buildFacts({ certificates: [{ kind: 'party_awareness', issuedOn: '2021-01-19', number: null }] });
    const cert = (f: AdmissionFacts, today: string) => admissionChecklist(at('training'), f, today).find((i) => i.ruleId === 'R-ADM-04');
    expect(cert(facts, '2026-01-19')?.ok).toBe(true);
    expect(cert(facts, '2026-01-20')?.ok).toBe(false);
    expect(cert({ ...facts, cellResolution: { ...CELL_RESOLUTION, meetingDate: '2026-01-19' } }, '2026-06-01')?.ok).toBe(true);
  });

  it('every item of a complete case belongs to a rule its step lists in ADMISSION_STEP_RULES', () => {
    const recognition = { date: '2027-04-10', decidingOrganizationId: COMMUNE, recognized: true, document: null };
    const facts = buildFacts({ cellResolution: CELL_RESOLUTION, decision: DECISION, ceremony: CEREMONY, ...RECOGNITION_FILE, recognitionVote: VOTE, recognitionDecision: recognition });
    const state = at('official', { recognitionProposal: 'recognize' });
    const items = admissionChecklist(state, facts, '2027-04-12');
    for (const item of items) expect(ADMISSION_STEP_RULES[item.step].rules, `${item.step} ${item.ruleId}`).toContain(item.ruleId);
    expect(items.filter((i) => !i.ok)).toEqual([]);
    expect(new Set(items.map((i) => i.step)).size).toBeGreaterThanOrEqual(12);
  });
});
