import { describe, expect, it } from 'vitest';
import type { RuleSetVersion } from '../../../common/rules/rule-check.ts';
import { neutraliseCell } from './training.export.ts';
import { certificateValidUntil, coursePassRule, formatCertificateNumber, judgeLearner } from './training.rules.ts';

describe('R-TRN-01 (Kế hoạch 99-KH/HU III.4; thresholds U): pass needs score ≥ 5 and attendance ≥ 80%', () => {
  const rule = coursePassRule('2026-06-10');

  it('says the thresholds are unverified', () => {
    expect(rule).toMatchObject({ ruleId: 'R-TRN-01', minScore: 5, minAttendancePercent: 80, confidence: 'U' });
  });

  it('passes at exactly 5.0 and 80%, fails at 4.9 or 79%', () => {
    expect(judgeLearner({ scoreTenths: 50, attendedSessions: 8, sessionCount: 10 }, rule)).toBe('pass');
    expect(judgeLearner({ scoreTenths: 49, attendedSessions: 10, sessionCount: 10 }, rule)).toBe('fail');
    expect(judgeLearner({ scoreTenths: 100, attendedSessions: 7, sessionCount: 10 }, rule)).toBe('fail');
    // 4 of 5 sessions = 80%; 79 of 100 < 80%
    expect(judgeLearner({ scoreTenths: 70, attendedSessions: 4, sessionCount: 5 }, rule)).toBe('pass');
    expect(judgeLearner({ scoreTenths: 70, attendedSessions: 79, sessionCount: 100 }, rule)).toBe('fail');
  });

  it('is not assessed until both attendance and score are entered', () => {
    expect(judgeLearner({ scoreTenths: null, attendedSessions: 10, sessionCount: 10 }, rule)).toBeNull();
    expect(judgeLearner({ scoreTenths: 80, attendedSessions: null, sessionCount: 10 }, rule)).toBeNull();
  });

  it('judges by the version in force on the class end date', () => {
    const versions: RuleSetVersion[] = [
      { ruleId: 'R-TRN-01', effectiveFrom: '2019-09-30', params: { minScore: 5, minAttendancePercent: 80 }, source: 'x' },
      { ruleId: 'R-TRN-01', effectiveFrom: '2027-01-01', params: { minScore: 6, minAttendancePercent: 90 }, source: 'y' },
    ];
    expect(coursePassRule('2026-12-31', versions).minScore).toBe(5);
    expect(coursePassRule('2027-01-01', versions)).toMatchObject({ minScore: 6, minAttendancePercent: 90 });
    expect(coursePassRule('2010-01-01', versions).minScore).toBe(5);
  });
});

describe('R-ADM-04 (Hướng dẫn 06-HD/TW §5.4): a party-awareness certificate counts for 60 months', () => {
  it('adds 60 calendar months to the issue date for party_awareness, nothing for other kinds', () => {
    expect(certificateValidUntil('party_awareness', '2026-06-10')).toBe('2031-06-10');
    expect(certificateValidUntil('party_awareness', '2024-02-29')).toBe('2029-02-28');
    expect(certificateValidUntil('new_member', '2026-06-10')).toBeNull();
    expect(certificateValidUntil('political_theory', '2026-06-10')).toBeNull();
  });

  it('reads the months from the R-ADM-04 rule-set version in force on the issue date', () => {
    const versions: RuleSetVersion[] = [
      { ruleId: 'R-ADM-04', effectiveFrom: '2016-07-25', params: { certificateValidityMonths: 60 }, source: 'x' },
      { ruleId: 'R-ADM-04', effectiveFrom: '2027-01-01', params: { certificateValidityMonths: 36 }, source: 'y' },
    ];
    expect(certificateValidUntil('party_awareness', '2026-12-31', versions)).toBe('2031-12-31');
    expect(certificateValidUntil('party_awareness', '2027-01-01', versions)).toBe('2030-01-01');
  });
});

describe('certificate numbers and export cells', () => {
  it('writes numbers as sequence/suffix', () => {
    expect(formatCertificateNumber(125, 'GCN-TTCT')).toBe('125/GCN-TTCT');
  });

  it('neutralises text that a spreadsheet would take for a formula (security.md item 13)', () => {
    for (const v of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x']) expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(neutraliseCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutraliseCell('125/GCN-TTCT')).toBe('125/GCN-TTCT');
  });
});
