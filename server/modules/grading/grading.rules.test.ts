import { describe, expect, it } from 'vitest';
import { gradeOutcome, type GradeConditions } from '../../../common/rules/grading-rules.ts';
import { GRADING_PARAMS_366 } from '../../../common/rules/grading-rule-sets.ts';
import { checksAgainstLevel, countsOf, grassrootsOfPath, rosterDateFor } from './grading.rules.ts';

const ALL_GOOD: GradeConditions = {
  allTasksOnTime: true,
  tasksWithQuality: true,
  tasksTotal: 10,
  tasksExceeded: 3,
  earlierShortcomingsFixed: true,
  disqualifyingFindings: [],
};

describe('the grassroots organization of a cell (R-GRD-01 counts per grassroots organization)', () => {
  const kinds = new Map<number, string>([
    [1, 'provincial_committee'],
    [2, 'commune_committee'],
    [3, 'grassroots_committee'],
    [4, 'cell'],
    [5, 'grassroots_cell'],
    [6, 'cell'],
  ]);
  it('is the nearest ancestor of a grassroots kind, the cell itself included', () => {
    expect(grassrootsOfPath('/1/2/3/4/', kinds)).toBe(3);
    expect(grassrootsOfPath('/1/2/5/', kinds)).toBe(5);
    expect(grassrootsOfPath('/1/2/6/', kinds)).toBe(2);
    expect(grassrootsOfPath('/1/', kinds)).toBeNull();
  });
});

describe('R-GRD (366 Art. 11): a level above what points and conditions allow', () => {
  const p = GRADING_PARAMS_366;
  it('allows the level gradeOutcome gives and any lower one', () => {
    const o = gradeOutcome(92, ALL_GOOD, p);
    expect(o.level).toBe('excellent');
    for (const l of ['excellent', 'good', 'completed', 'not_completed'] as const) expect(checksAgainstLevel(l, 92, o, p)).toEqual([]);
  });
  it('names the points when the level is above the points (89 is not excellent)', () => {
    const o = gradeOutcome(89, ALL_GOOD, p);
    expect(checksAgainstLevel('excellent', 89, o, p)).toEqual([expect.objectContaining({ ruleId: 'R-GRD', code: 'points_below_level', facts: { level: 'excellent', points: 89, minPoints: 90 } })]);
  });
  it('names the conditions a level needs: good needs all tasks on time', () => {
    const late = { ...ALL_GOOD, allTasksOnTime: false };
    const o = gradeOutcome(95, late, p);
    expect(o.level).toBe('completed');
    expect(checksAgainstLevel('good', 95, o, p).map((c) => c.code)).toEqual(['good_needs_all_tasks_on_time']);
    expect(checksAgainstLevel('excellent', 95, o, p).map((c) => c.code)).toEqual(['excellent_needs_all_tasks_on_time', 'good_needs_all_tasks_on_time']);
  });
  it('names a disqualifying finding whatever the points', () => {
    const o = gradeOutcome(99, { ...ALL_GOOD, disqualifyingFindings: ['degradation'] }, p);
    expect(checksAgainstLevel('completed', 99, o, p).map((c) => c.code)).toEqual(['disqualifying_finding']);
  });
});

describe('R-GRD-02: the roster date and the counts', () => {
  it('judges exemptions on the roster day, never after the year graded', () => {
    expect(rosterDateFor('2026-06-15', 2026)).toBe('2026-06-15');
    expect(rosterDateFor('2027-01-10', 2026)).toBe('2026-12-31');
  });
  it('does not count exempted or departed members', () => {
    const c = countsOf([
      { roster: 'graded', self_points: 90, proposed_level: 'excellent', decided_level: 'excellent' },
      { roster: 'graded', self_points: 70, proposed_level: 'good', decided_level: null },
      { roster: 'exempted', self_points: null, proposed_level: null, decided_level: null },
      { roster: 'left', self_points: 50, proposed_level: null, decided_level: null },
    ]);
    expect(c).toEqual({ graded: 2, exempted: 1, left: 1, selfAssessed: 2, proposed: 2, decided: 1, levels: { excellent: 1, good: 0, completed: 0, not_completed: 0 } });
  });
});
