import { describe, expect, it } from 'vitest';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import { isIsoDate } from './iso-date.ts';
import { paramsInForce } from './rule-check.ts';

const ADM = Array.from({ length: 15 }, (_, i) => `R-ADM-${String(i + 1).padStart(2, '0')}`);
const REC = Array.from({ length: 8 }, (_, i) => `R-REC-0${i + 1}`);

describe('ADMISSION_RULE_SETS', () => {
  it('every R-ADM and R-REC rule has a version in force from 25/7/2016 on, each with its source', () => {
    for (const ruleId of [...ADM, ...REC]) {
      expect(() => paramsInForce(ADMISSION_RULE_SETS, ruleId, '2016-07-25'), ruleId).not.toThrow();
      expect(() => paramsInForce(ADMISSION_RULE_SETS, ruleId, '2026-06-01'), ruleId).not.toThrow();
    }
    for (const v of ADMISSION_RULE_SETS) {
      expect(isIsoDate(v.effectiveFrom)).toBe(true);
      expect(v.source.trim().length, v.ruleId).toBeGreaterThan(10);
    }
  });

  it('holds the numbers of rules.md (R-ADM-01, 04, 06, 09, 11, 12, 13, 15; R-REC-01, 04, 05)', () => {
    const on = (ruleId: string) => paramsInForce(ADMISSION_RULE_SETS, ruleId, '2026-06-01');
    expect(on('R-ADM-01')).toEqual({ minMonths: 216, maxMonths: 720 });
    expect(on('R-ADM-04')).toEqual({ certificateValidityMonths: 60 });
    expect(on('R-ADM-06')).toMatchObject({ introducerMonthsWithApplicant: 12, introducersNeeded: 2, youthMaxAgeYears: 30 });
    expect(on('R-ADM-09')).toEqual({ threshold: [2, 3] });
    expect(on('R-ADM-11')).toMatchObject({ decisionWorkingDays: 60, maxExtensionWorkingDays: 30 });
    expect(on('R-ADM-12')).toEqual({ ceremonyWorkingDays: 30 });
    expect(on('R-ADM-13')).toEqual({ historyWorkingDays: 30 });
    expect(on('R-ADM-15')).toEqual({ monthsAfterLeaving: 36, monthsAfterClearedConviction: 60 });
    expect(on('R-REC-01')).toEqual({ probationMonths: 12 });
    expect(on('R-REC-04')).toMatchObject({ cellVoteWorkingDays: 30 });
    expect(on('R-REC-05')).toMatchObject({ decisionWorkingDays: 30, maxExtensionWorkingDays: 30 });
  });

  it('judges by the version in force on the event date: the 294-QĐ/TW version from 1/7/2025, its predecessor the day before', () => {
    const source = (date: string) =>
      ADMISSION_RULE_SETS.filter((v) => v.ruleId === 'R-ADM-01' && v.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]
        .source;
    expect(source('2025-06-30')).toMatch(/29-QĐ\/TW/);
    expect(source('2025-07-01')).toMatch(/294-QĐ\/TW/);
  });
});
