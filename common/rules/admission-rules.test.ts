import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  certificateValidUntil,
  checkAdmissionAge,
  checkApplicationBeforeHistory,
  checkAwarenessCertificate,
  checkCompetentBody,
  checkEducation,
  checkFormOnFile,
  checkIntroducers,
  checkOpinionsOnFile,
  checkReadmission,
  checkReadmissionAgreement,
  checkVerificationComplete,
  educationLevelOfGrade,
  isReadmissionBarred,
  type AdmissionAgeParams,
  type ApplicationOrderParams,
  type Certificate,
  type CertificateParams,
  type DocumentRef,
  type EducationParams,
  type Introducer,
  type IntroducerParams,
  type LeavingCause,
  type Opinion,
  type ReadmissionFacts,
  type ReadmissionParams,
  type Relative,
  type Verification,
  type VerificationParams,
} from './admission-rules.ts';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import { addDays, fromEpochDay, monthsBetween, toEpochDay } from './iso-date.ts';
import { paramsInForce } from './rule-check.ts';

const NOW = '2026-03-01';
const params = <P>(ruleId: string) => paramsInForce<P>(ADMISSION_RULE_SETS, ruleId, NOW);
const AGE = params<AdmissionAgeParams>('R-ADM-01');
const EDUCATION = params<EducationParams>('R-ADM-03');
const CERTIFICATE = params<CertificateParams>('R-ADM-04');
const ORDER = params<ApplicationOrderParams>('R-ADM-05');
const INTRODUCERS = params<IntroducerParams>('R-ADM-06');
const VERIFICATION = params<VerificationParams>('R-ADM-07');
const READMISSION = params<ReadmissionParams>('R-ADM-15');

const doc = (date: string): DocumentRef => ({ number: '12-CV/TU', date, issuer: 'Tỉnh ủy Lâm Đồng' });
const dateArb = fc.integer({ min: toEpochDay('1940-01-01'), max: toEpochDay('2040-12-31') }).map(fromEpochDay);

describe('checkAdmissionAge', () => {
  it('R-ADM-01: 17 years 11 months on the meeting date is refused, 18 years 0 months passes (born 31/8/2008: any day of 8/2026)', () => {
    const under = checkAdmissionAge('2008-08-31', '2026-07-31', AGE);
    expect(under).toMatchObject({ ruleId: 'R-ADM-01', ok: false, code: 'under_minimum_age' });
    expect(under.facts).toMatchObject({ months: 215, age: { years: 17, months: 11 } });
    expect(checkAdmissionAge('2008-08-31', '2026-08-01', AGE)).toMatchObject({ ruleId: 'R-ADM-01', ok: true, facts: { months: 216 } });
  });

  it('R-ADM-01: 60 years 0 months passes; R-ADM-02: 60 years 1 month needs the provincial agreement, dated by the meeting', () => {
    expect(checkAdmissionAge('1966-03-15', '2026-03-31', AGE)).toMatchObject({ ruleId: 'R-ADM-01', ok: true, facts: { months: 720 } });
    expect(checkAdmissionAge('1966-03-15', '2026-04-01', AGE)).toMatchObject({
      ruleId: 'R-ADM-02',
      ok: false,
      code: 'over_maximum_age_without_provincial_agreement',
    });
    expect(checkAdmissionAge('1966-03-15', '2026-04-01', AGE, doc('2026-04-01'))).toMatchObject({ ruleId: 'R-ADM-02', ok: true });
    expect(checkAdmissionAge('1966-03-15', '2026-04-01', AGE, doc('2026-04-02'))).toMatchObject({
      ruleId: 'R-ADM-02',
      ok: false,
      code: 'provincial_agreement_after_meeting',
    });
  });

  it('R-ADM-01: passes exactly when the whole calendar months are within 216…720 (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (birth, meeting) => {
        const months = monthsBetween(birth, meeting);
        const check = checkAdmissionAge(birth, meeting, AGE);
        expect(check.ok).toBe(months >= 216 && months <= 720);
      }),
    );
  });
});

describe('checkEducation', () => {
  it('R-ADM-03: lower secondary (9/12) passes; primary without a recorded exception is refused', () => {
    expect(checkEducation({ level: 'lower_secondary', exception: null }, EDUCATION)).toMatchObject({ ok: true, code: 'ok' });
    expect(checkEducation({ level: 'upper_secondary', exception: null }, EDUCATION).ok).toBe(true);
    expect(checkEducation({ level: 'primary', exception: null }, EDUCATION)).toMatchObject({
      ruleId: 'R-ADM-03',
      ok: false,
      code: 'below_minimum_education',
    });
  });

  it('R-ADM-03: primary (5/12) passes for a sea fisher or an ethnic-minority area with the exception recorded; below primary never', () => {
    const fisher = { ground: 'sea_fisher' as const, recordedOn: '2026-01-05', note: 'Thuyền viên tàu QNg-90123, đánh bắt xa bờ' };
    expect(checkEducation({ level: 'primary', exception: fisher }, EDUCATION)).toMatchObject({ ok: true, code: 'ok_with_recorded_exception' });
    const area = { ground: 'ethnic_minority_area' as const, recordedOn: '2026-01-05', note: 'Thôn Đạ Nhim, xã Lạc Dương' };
    expect(checkEducation({ level: 'primary', exception: area }, EDUCATION).ok).toBe(true);
    expect(checkEducation({ level: 'none', exception: area }, EDUCATION)).toMatchObject({ ok: false, code: 'below_exception_minimum_education' });
    expect(checkEducation({ level: 'primary', exception: { ...area, note: '  ' } }, EDUCATION)).toMatchObject({ ok: false, code: 'exception_not_recorded' });
  });

  it('R-ADM-03: grades of the 12-year and of the old 10-year system map to levels', () => {
    expect(educationLevelOfGrade(9, 12)).toBe('lower_secondary');
    expect(educationLevelOfGrade(8, 12)).toBe('primary');
    expect(educationLevelOfGrade(5, 12)).toBe('primary');
    expect(educationLevelOfGrade(4, 12)).toBe('none');
    expect(educationLevelOfGrade(12, 12)).toBe('upper_secondary');
    expect(educationLevelOfGrade(7, 10)).toBe('lower_secondary');
    expect(educationLevelOfGrade(4, 10)).toBe('primary');
    expect(() => educationLevelOfGrade(13, 12)).toThrow(RangeError);
  });
});

describe('checkAwarenessCertificate', () => {
  const cert = (issuedOn: string): Certificate => ({ kind: 'party_awareness', issuedOn, number: `GCN-${issuedOn}` });

  it('R-ADM-04: a certificate exactly 60 months old passes, one day more is refused', () => {
    expect(checkAwarenessCertificate([cert('2021-03-15')], '2026-03-15', CERTIFICATE)).toMatchObject({
      ruleId: 'R-ADM-04',
      ok: true,
      facts: { validUntil: '2026-03-15' },
    });
    expect(checkAwarenessCertificate([cert('2021-03-15')], '2026-03-16', CERTIFICATE)).toMatchObject({
      ruleId: 'R-ADM-04',
      ok: false,
      code: 'certificate_expired',
    });
  });

  it('R-ADM-04: issued on 29/2 it counts through 28/2 five years on (addMonths clamps to the month end)', () => {
    expect(certificateValidUntil('2020-02-29', CERTIFICATE)).toBe('2025-02-28');
    expect(checkAwarenessCertificate([cert('2020-02-29')], '2025-02-28', CERTIFICATE).ok).toBe(true);
    expect(checkAwarenessCertificate([cert('2020-02-29')], '2025-03-01', CERTIFICATE).ok).toBe(false);
  });

  it('R-ADM-04: the latest certificate issued by the meeting counts; one issued after the meeting or of another kind does not', () => {
    expect(checkAwarenessCertificate([cert('2019-01-10'), cert('2024-05-20')], '2026-03-15', CERTIFICATE)).toMatchObject({
      ok: true,
      facts: { issuedOn: '2024-05-20' },
    });
    expect(checkAwarenessCertificate([cert('2026-03-16')], '2026-03-15', CERTIFICATE)).toMatchObject({ ok: false, code: 'no_certificate' });
    expect(
      checkAwarenessCertificate([{ kind: 'new_member', issuedOn: '2025-01-01', number: null }], '2026-03-15', CERTIFICATE),
    ).toMatchObject({ ok: false, code: 'no_certificate' });
  });

  it('R-ADM-04: validity is an interval: valid on a day, valid on every earlier day from the issue date (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (issuedOn, a, b) => {
        const [near, far] = [addDays(issuedOn, Math.min(a, b)), addDays(issuedOn, Math.max(a, b))];
        if (checkAwarenessCertificate([cert(issuedOn)], far, CERTIFICATE).ok) {
          expect(checkAwarenessCertificate([cert(issuedOn)], near, CERTIFICATE).ok).toBe(true);
        }
      }),
    );
  });
});

describe('checkApplicationBeforeHistory / checkFormOnFile', () => {
  it('R-ADM-05: the application dated the same day as the history passes, a day later is refused', () => {
    expect(checkApplicationBeforeHistory('2025-11-03', '2025-11-03', ORDER)).toMatchObject({ ruleId: 'R-ADM-05', ok: true });
    expect(checkApplicationBeforeHistory('2025-11-04', '2025-11-03', ORDER)).toMatchObject({
      ruleId: 'R-ADM-05',
      ok: false,
      code: 'history_before_application',
    });
    expect(checkApplicationBeforeHistory('2025-11-03', '2025-11-03', { sameDayAllowed: false }).ok).toBe(false);
  });

  it('R-ADM-05: a missing form, or one dated after the day judged, is refused', () => {
    expect(checkApplicationBeforeHistory(null, '2025-11-03', ORDER).code).toBe('application_missing');
    expect(checkApplicationBeforeHistory('2025-11-03', null, ORDER).code).toBe('personal_history_missing');
    expect(checkFormOnFile('application', '2025-11-03', '2025-11-03')).toMatchObject({ ok: true, code: 'application_on_file' });
    expect(checkFormOnFile('personal_history', '2025-11-04', '2025-11-03')).toMatchObject({ ok: false, code: 'personal_history_dated_later' });
  });
});

describe('checkIntroducers', () => {
  const applicant = { personId: 1, birthDate: '1990-05-02' };
  const member = (personId: number, over: Partial<Introducer> = {}): Introducer => ({
    personId,
    name: `Đảng viên ${personId}`,
    standing: 'official',
    sameUnit: true,
    monthsWithApplicant: 12,
    ...over,
  });
  const twoMembers = (introducers: Introducer[]) => ({ introducers, youthUnionResolution: null, applicantIsYouthUnionMember: false });

  it('R-ADM-06: two official introducers with 12 months with the applicant in the same unit pass', () => {
    const checks = checkIntroducers(twoMembers([member(2), member(3)]), applicant, '2026-03-10', INTRODUCERS);
    expect(checks.every((c) => c.ok && c.ruleId === 'R-ADM-06')).toBe(true);
    expect(checks.at(-1)?.code).toBe('two_official_introducers');
  });

  it('R-ADM-06: a probationary introducer, or one with 11 months with the applicant, is refused', () => {
    const probationary = checkIntroducers(twoMembers([member(2), member(3, { standing: 'probationary' })]), applicant, '2026-03-10', INTRODUCERS);
    expect(probationary[1]).toMatchObject({ ok: false, code: 'introducer_not_official' });
    expect(probationary.at(-1)).toMatchObject({ ok: false, code: 'too_few_qualified_introducers', facts: { qualified: 1, needed: 2 } });
    const short = checkIntroducers(twoMembers([member(2), member(3, { monthsWithApplicant: 11 })]), applicant, '2026-03-10', INTRODUCERS);
    expect(short[1]).toMatchObject({ ok: false, code: 'introducer_too_short_with_applicant', facts: { requiredMonths: 12 } });
    expect(short.at(-1)?.ok).toBe(false);
  });

  it('R-ADM-06: another unit, the same person twice, or the applicant himself does not count', () => {
    const codes = checkIntroducers(
      twoMembers([member(2, { sameUnit: false }), member(3), member(3), member(1)]),
      applicant,
      '2026-03-10',
      INTRODUCERS,
    ).map((c) => c.code);
    expect(codes).toEqual(['introducer_not_in_same_unit', 'introducer_ok', 'duplicate_introducer', 'introducer_is_applicant', 'too_few_qualified_introducers']);
  });

  it('R-ADM-06: the Youth Union route: a Youth Union member aged 30 with the committee resolution and one official member passes; at 31 refused', () => {
    const youth = { introducers: [member(2)], youthUnionResolution: doc('2026-03-01'), applicantIsYouthUnionMember: true };
    const young = { personId: 1, birthDate: '1995-06-10' };
    expect(checkIntroducers(youth, young, '2026-06-09', INTRODUCERS).at(-1)).toMatchObject({ ok: true, code: 'youth_union_route', facts: { age: 30 } });
    expect(checkIntroducers(youth, young, '2026-06-10', INTRODUCERS).at(-1)).toMatchObject({
      ok: false,
      code: 'applicant_not_of_youth_age',
      facts: { age: 31, youthMaxAgeYears: 30 },
    });
  });

  it('R-ADM-06: the Youth Union route needs Youth Union membership, a resolution dated by the meeting and one qualified official member', () => {
    const young = { personId: 1, birthDate: '2000-01-01' };
    const base = { introducers: [member(2)], youthUnionResolution: doc('2026-03-01'), applicantIsYouthUnionMember: true };
    expect(checkIntroducers({ ...base, applicantIsYouthUnionMember: false }, young, '2026-03-10', INTRODUCERS).at(-1)?.code).toBe(
      'applicant_not_youth_union_member',
    );
    expect(checkIntroducers({ ...base, youthUnionResolution: doc('2026-03-11') }, young, '2026-03-10', INTRODUCERS).at(-1)?.code).toBe(
      'youth_union_resolution_after_date',
    );
    expect(checkIntroducers({ ...base, introducers: [member(2, { standing: 'probationary' })] }, young, '2026-03-10', INTRODUCERS).at(-1)?.code).toBe(
      'too_few_qualified_introducers',
    );
  });
});

describe('checkVerificationComplete', () => {
  const relative = (key: string, relation: Relative['relation'], over: Partial<Relative> = {}): Relative => ({
    key,
    relation,
    name: key,
    birthDate: null,
    isPartyMember: false,
    fullyDeclared: false,
    ...over,
  });
  const verified = (subjectKey: string, over: Partial<Verification> = {}): Verification => ({
    subjectKey,
    verifierName: 'Nguyễn Văn Thẩm',
    conclusion: 'clear',
    verifiedOn: '2026-02-01',
    ...over,
  });
  const relatives = [
    relative('father', 'father'),
    relative('mother', 'mother', { isPartyMember: true, fullyDeclared: true }),
    relative('spouse', 'spouse'),
    relative('son', 'child', { birthDate: '2008-03-10' }),
    relative('daughter', 'child', { birthDate: '2012-07-01' }),
    relative('brother', 'sibling'),
  ];

  it('R-ADM-07: one item per person to verify: the applicant, birth parents, spouse, adult children; a party-member mother fully declared is exempt', () => {
    const checks = checkVerificationComplete('Trần Thị Ứng', relatives, ['applicant', 'father', 'spouse', 'son'].map((k) => verified(k)), '2026-03-10', VERIFICATION);
    expect(checks.map((c) => [c.facts.subjectKey, c.code])).toEqual([
      ['applicant', 'verified'],
      ['father', 'verified'],
      ['mother', 'exempt_party_member'],
      ['spouse', 'verified'],
      ['son', 'verified'],
    ]);
    expect(checks.every((c) => c.ruleId === 'R-ADM-07' && c.ok)).toBe(true);
  });

  it('R-ADM-07: a child becomes an item on the 18th birthday; a party member not fully declared is verified', () => {
    const son = [relative('son', 'child', { birthDate: '2008-03-10' })];
    expect(checkVerificationComplete('A', son, [verified('applicant')], '2026-03-09', VERIFICATION)).toHaveLength(1);
    expect(checkVerificationComplete('A', son, [verified('applicant')], '2026-03-10', VERIFICATION)[1]).toMatchObject({ ok: false, code: 'not_verified' });
    const member = [relative('mother', 'mother', { isPartyMember: true, fullyDeclared: false })];
    expect(checkVerificationComplete('A', member, [verified('applicant')], '2026-03-10', VERIFICATION)[1].code).toBe('not_verified');
  });

  it('R-ADM-07: every item needs a named verifier and a result; issues found still complete the item, flagged', () => {
    const one = [relative('father', 'father')];
    const judge = (v: Verification) => checkVerificationComplete('A', one, [verified('applicant'), v], '2026-03-10', VERIFICATION)[1];
    expect(judge(verified('father', { verifierName: ' ' }))).toMatchObject({ ok: false, code: 'verifier_missing' });
    expect(judge(verified('father', { conclusion: null }))).toMatchObject({ ok: false, code: 'result_missing' });
    expect(judge(verified('father', { verifiedOn: '2026-03-11' }))).toMatchObject({ ok: false, code: 'verified_after_date' });
    expect(judge(verified('father', { conclusion: 'issues_found' }))).toMatchObject({
      ok: true,
      code: 'verified_with_issues',
      facts: { verifierName: 'Nguyễn Văn Thẩm' },
    });
  });
});

describe('checkOpinionsOnFile', () => {
  const mass = { key: 'cdcs', name: 'Công đoàn cơ sở Trường THCS Lạc Dương' };
  const opinion = (source: Opinion['source'], date: string, key = source === 'mass_organization' ? 'cdcs' : 'cb-thon-3'): Opinion => ({
    source,
    organizationKey: key,
    organizationName: key,
    date,
  });

  it('R-ADM-08: the workplace mass organization and the residence cell committee, both dated before the cell vote', () => {
    const checks = checkOpinionsOnFile([opinion('mass_organization', '2026-03-01'), opinion('residence_cell_committee', '2026-03-09')], [mass], '2026-03-10');
    expect(checks.map((c) => [c.ruleId, c.ok, c.facts.source])).toEqual([
      ['R-ADM-08', true, 'mass_organization'],
      ['R-ADM-08', true, 'residence_cell_committee'],
    ]);
  });

  it('R-ADM-08: an opinion dated on the vote day is refused; a missing one is refused', () => {
    const checks = checkOpinionsOnFile([opinion('mass_organization', '2026-03-10')], [mass], '2026-03-10');
    expect(checks.map((c) => c.code)).toEqual(['opinion_not_before_vote', 'opinion_missing']);
  });

  it('R-ADM-08: each listed mass organization needs its own opinion; with none listed, one mass organization suffices', () => {
    const union = { key: 'doan', name: 'Đoàn Thanh niên' };
    const checks = checkOpinionsOnFile([opinion('mass_organization', '2026-03-01'), opinion('residence_cell_committee', '2026-03-01')], [mass, union], null);
    expect(checks.map((c) => c.ok)).toEqual([true, false, true]);
    const any = checkOpinionsOnFile([opinion('mass_organization', '2026-03-01', 'hnd'), opinion('residence_cell_committee', '2026-03-01')], [], null);
    expect(any.every((c) => c.ok)).toBe(true);
  });
});

describe('checkCompetentBody', () => {
  it('R-ADM-14: the deciding organization must be the competent one on the decision date', () => {
    expect(checkCompetentBody(10, 10, '2026-04-01')).toMatchObject({ ruleId: 'R-ADM-14', ok: true });
    expect(checkCompetentBody(11, 10, '2026-04-01')).toMatchObject({ ok: false, code: 'not_competent_body' });
    expect(checkCompetentBody(10, null, '2026-04-01', 'recognition')).toMatchObject({ ok: false, code: 'no_competent_body', facts: { matter: 'recognition' } });
  });
});

describe('checkReadmission', () => {
  const former = (cause: LeavingCause, over: Partial<ReadmissionFacts> = {}): ReadmissionFacts => ({
    leftOn: '2022-05-31',
    cause,
    previousReadmissions: 0,
    provincialAgreement: null,
    ...over,
  });

  it('R-ADM-15: 36 months after leaving: refused the day before, allowed on the day', () => {
    const f = former({ kind: 'other', description: 'xóa tên do chuyển sinh hoạt không đúng quy định' });
    expect(checkReadmission(f, '2025-05-30', READMISSION)[1]).toMatchObject({ ok: false, code: 'waiting_period_not_over', facts: { eligibleFrom: '2025-05-31' } });
    expect(checkReadmission(f, '2025-05-31', READMISSION).every((c) => c.ok)).toBe(true);
  });

  it('R-ADM-15: a less-serious conviction waits 60 months after the record is cleared; an uncleared record is refused', () => {
    const cleared = former({ kind: 'criminal_conviction', severity: 'less_serious', recordClearedOn: '2021-01-10' });
    expect(checkReadmission(cleared, '2026-01-09', READMISSION)[1]).toMatchObject({ ok: false, facts: { eligibleFrom: '2026-01-10' } });
    expect(checkReadmission(cleared, '2026-01-10', READMISSION)[1].ok).toBe(true);
    const pending = former({ kind: 'criminal_conviction', severity: 'less_serious', recordClearedOn: null });
    expect(checkReadmission(pending, '2030-01-01', READMISSION)[1].code).toBe('conviction_record_not_cleared');
  });

  it('R-ADM-15: never after abandoning activities, voluntary exit (unless family hardship), serious disunity, corruption or a serious crime', () => {
    const barred: LeavingCause[] = [
      { kind: 'abandoned_activities' },
      { kind: 'voluntary_exit', familyHardship: false },
      { kind: 'serious_disunity' },
      { kind: 'corruption' },
      { kind: 'criminal_conviction', severity: 'serious', recordClearedOn: '2010-01-01' },
      { kind: 'criminal_conviction', severity: 'especially_serious', recordClearedOn: '2010-01-01' },
    ];
    for (const cause of barred) {
      expect(isReadmissionBarred(cause)).toBe(true);
      expect(checkReadmission(former(cause), '2030-01-01', READMISSION)[0]).toMatchObject({ ok: false, code: 'leaving_cause_bars_readmission' });
    }
    expect(checkReadmission(former({ kind: 'voluntary_exit', familyHardship: true }), '2030-01-01', READMISSION).every((c) => c.ok)).toBe(true);
  });

  it('R-ADM-15: once only, and the provincial standing committee agreement dated by the decision', () => {
    const again = former({ kind: 'other', description: '' }, { previousReadmissions: 1 });
    expect(checkReadmission(again, '2030-01-01', READMISSION)[2]).toMatchObject({ ok: false, code: 'already_readmitted' });
    expect(checkReadmissionAgreement(null, '2026-04-01')).toMatchObject({ ruleId: 'R-ADM-15', ok: false, code: 'no_provincial_agreement' });
    expect(checkReadmissionAgreement(doc('2026-04-02'), '2026-04-01').code).toBe('provincial_agreement_after_decision');
    expect(checkReadmissionAgreement(doc('2026-04-01'), '2026-04-01').ok).toBe(true);
  });
});
