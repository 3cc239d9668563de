import { describe, expect, it } from 'vitest';
import { paramsInForce, type RuleSetVersion } from './rule-check.ts';

describe('paramsInForce', () => {
  const versions: RuleSetVersion[] = [
    { ruleId: 'R-DUE', effectiveFrom: '2010-01-01', params: { v: 342 }, source: 'QĐ 342-QĐ/TW' },
    { ruleId: 'R-DUE', effectiveFrom: '2026-02-01', params: { v: 1 }, source: 'QĐ 01-QĐ/TW' },
    { ruleId: 'R-GRD-01', effectiveFrom: '2019-01-01', params: { share: 0.2 }, source: '366' },
  ];
  it('picks the version in force on the event date (the boundary day belongs to the new version)', () => {
    expect(paramsInForce(versions, 'R-DUE', '2026-01-31')).toEqual({ v: 342 });
    expect(paramsInForce(versions, 'R-DUE', '2026-02-01')).toEqual({ v: 1 });
  });
  it('refuses a date before any version', () => {
    expect(() => paramsInForce(versions, 'R-DUE', '2009-12-31')).toThrow(RangeError);
  });
});
