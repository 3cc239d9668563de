import { describe, expect, it } from 'vitest';
import {
  checkExemption,
  EXEMPTION_REASONS,
  exemptionEffects,
  isExemptOn,
  membersWithoutAssignment,
  type Exemption,
  type WorkAssignment,
} from './exemption-rules.ts';
import type { TemporaryTransfer } from './transfer-rules.ts';

const exemption = (overrides: Partial<Exemption> = {}): Exemption => ({
  memberId: 1,
  reason: 'elderly_or_weak',
  requestKind: 'written',
  requestedOn: '2026-02-20',
  decidedOn: '2026-03-05',
  decisionRef: 'Biên bản họp chi bộ 05/3/2026',
  superiorInformedOn: '2026-03-10',
  from: '2026-03-05',
  to: '2026-12-31',
  ...overrides,
});

describe('R-MGT-02: isExemptOn', () => {
  it.each<[string, boolean]>([
    ['2026-03-04', false],
    ['2026-03-05', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('a 5/3–31/12/2026 exemption on %s → %s (both ends inclusive)', (date, exempt) => {
    expect(isExemptOn([exemption()], date)).toBe(exempt);
  });

  it('an open-ended exemption lasts until the cell ends it', () => {
    expect(isExemptOn([exemption({ to: null })], '2040-01-01')).toBe(true);
  });

  it('filters by member when asked', () => {
    expect(isExemptOn([exemption({ memberId: 2 })], '2026-06-01', 1)).toBe(false);
    expect(isExemptOn([exemption({ memberId: 2 })], '2026-06-01', 2)).toBe(true);
  });
});

describe('R-MGT-02: checkExemption', () => {
  it.each(EXEMPTION_REASONS.filter((r) => r !== 'other'))('reason %s, written or oral, decided by the cell, superior informed → ok', (reason) => {
    expect(checkExemption(exemption({ reason }))).toEqual([expect.objectContaining({ ruleId: 'R-MGT-02', ok: true })]);
    expect(checkExemption(exemption({ reason, requestKind: 'oral' }))[0].ok).toBe(true);
  });

  it.each<[string, Partial<Exemption>, string]>([
    ['other without a note', { reason: 'other' }, 'exemption_note_required'],
    ['no cell decision reference', { decisionRef: '' }, 'exemption_decision_required'],
    ['decided before the request', { decidedOn: '2026-02-01' }, 'exemption_decided_before_request'],
    ['ends before it starts', { to: '2026-03-01' }, 'exemption_period_reversed'],
    ['the superior not yet informed', { superiorInformedOn: null }, 'exemption_superior_not_informed'],
  ])('%s → %s', (_label, overrides, code) => {
    expect(checkExemption(exemption(overrides))).toEqual([expect.objectContaining({ ruleId: 'R-MGT-02', ok: false, code })]);
  });

  it('accepts other with a note', () => {
    expect(checkExemption(exemption({ reason: 'other', note: 'chăm sóc người thân bệnh nặng' }))[0].ok).toBe(true);
  });
});

describe('R-MGT-02, R-GRD-02: what an exemption changes', () => {
  it('an exempted member is not expected at meetings, needs no assignment, is not graded, and stays subject to discipline', () => {
    expect(exemptionEffects([exemption()], 1, '2026-06-01')).toEqual({
      exempt: true,
      expectedAtMeetings: false,
      needsWorkAssignment: false,
      graded: false,
      subjectToDiscipline: true,
    });
    expect(exemptionEffects([exemption()], 1, '2027-06-01')).toEqual({
      exempt: false,
      expectedAtMeetings: true,
      needsWorkAssignment: true,
      graded: true,
      subjectToDiscipline: true,
    });
  });
});

describe('R-MGT-01: membersWithoutAssignment', () => {
  const members = [1, 2, 3, 4, 5].map((memberId) => ({ memberId, name: `M${memberId}` }));
  const assignments: WorkAssignment[] = [
    { memberId: 2, from: '2026-01-01', to: null, description: 'phụ trách tổ dân phố 3' },
    { memberId: 3, from: '2026-01-01', to: '2026-05-31', description: 'tuyên truyền' },
  ];
  const exemptions = [exemption({ memberId: 1 })];
  const away: TemporaryTransfer[] = [{ memberId: 5, purpose: 'full_time_study', from: '2026-03-01', to: '2026-08-31' }];

  it('lists members with no assignment valid that day, leaving out the exempted', () => {
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-06-01').map((m) => m.memberId)).toEqual([3, 4, 5]);
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-05-31').map((m) => m.memberId)).toEqual([4, 5]);
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-03-05').map((m) => m.memberId)).toEqual([4, 5]);
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-03-04').map((m) => m.memberId)).toEqual([1, 4, 5]);
  });

  it('leaves out members on temporary transfer when their transfers are given (the host cell assigns them)', () => {
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-06-01', away).map((m) => m.memberId)).toEqual([3, 4]);
    expect(membersWithoutAssignment(members, assignments, exemptions, '2026-09-01', away).map((m) => m.memberId)).toEqual([3, 4, 5]);
  });
});
