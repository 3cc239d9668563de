import type { CycleCounts } from '../../../common/contracts/grading.contract.ts';
import type { OrganizationKind } from '../../../common/contracts/organizations.contract.ts';
import { GRADE_LEVELS, type GradeLevel, type GradeOutcome } from '../../../common/rules/grading-rules.ts';
import type { GradingParams } from '../../../common/rules/grading-rule-sets.ts';
import { fail, type RuleCheck } from '../../../common/rules/rule-check.ts';

// Pure helpers the grading service combines with common/rules/grading-rules.ts (no SQL, no clock).

/**
 * Kinds that grade their members as one grassroots organization (R-GRD-01 counts per grassroots organization): a
 * cell's grassroots organization is its nearest ancestor, itself included, of one of these kinds (Điều lệ Đảng Art. 21;
 * since 7/2025 a commune committee is a grassroots committee).
 */
export const GRASSROOTS_KINDS: readonly OrganizationKind[] = ['grassroots_committee', 'grassroots_cell', 'commune_committee'];

export const isGrassrootsKind = (kind: string) => (GRASSROOTS_KINDS as readonly string[]).includes(kind);

/** Ids of a materialized path '/1/7/42/', root first. */
const idsOfPath = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The id of the grassroots organization a cell at `path` belongs to, or null when none is above it. */
export function grassrootsOfPath(path: string, kindOf: ReadonlyMap<number, string>): number | null {
  const ids = idsOfPath(path);
  for (let i = ids.length - 1; i >= 0; i--) if (isGrassrootsKind(kindOf.get(ids[i]) ?? '')) return ids[i];
  return null;
}

/** 0 for excellent … 3 for not_completed: a smaller rank is a higher level. */
export const levelRank = (l: GradeLevel) => GRADE_LEVELS.indexOf(l);

const minPointsOf = (l: GradeLevel, p: GradingParams) =>
  l === 'excellent' ? p.excellentMinPoints : l === 'good' ? p.goodMinPoints : l === 'completed' ? p.completedMinPoints : 0;

/**
 * R-GRD (Quy định 366-QĐ/TW Art. 11): a proposed or decided level may not stand above what the points and the
 * conditions allow (gradeOutcome). Returns the failed checks that stand in the way of `level` (empty when allowed):
 * the points below the level's threshold, and the conditions the level (or a level it includes) needs.
 */
export function checksAgainstLevel(level: GradeLevel, points: number, outcome: GradeOutcome, params: GradingParams): RuleCheck[] {
  if (levelRank(level) >= levelRank(outcome.level)) return [];
  const checks: RuleCheck[] = [];
  if (levelRank(level) < levelRank(outcome.levelByPoints)) {
    checks.push(fail('R-GRD', 'points_below_level', { level, points, minPoints: minPointsOf(level, params) }));
  }
  for (const c of outcome.capReasons) {
    const concerns =
      c.code === 'disqualifying_finding' ||
      (c.code.startsWith('good_') && levelRank(level) <= levelRank('good')) ||
      (c.code.startsWith('excellent_') && level === 'excellent');
    if (concerns) checks.push(c);
  }
  if (checks.length === 0) checks.push(fail('R-GRD', 'level_not_allowed', { level, allowed: outcome.level, points }));
  return checks;
}

/** Exemptions are judged on the day the roster is taken, but never after the year graded (R-GRD-02). */
export function rosterDateFor(today: string, year: number): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

export interface StageRow {
  roster: string;
  self_points: number | null;
  proposed_level: string | null;
  decided_level: string | null;
}

/** The figures of one cycle: exempted and departed members are listed but neither graded nor counted (R-GRD-02). */
export function countsOf(rows: readonly StageRow[]): CycleCounts {
  const c: CycleCounts = {
    graded: 0,
    exempted: 0,
    left: 0,
    selfAssessed: 0,
    proposed: 0,
    decided: 0,
    levels: { excellent: 0, good: 0, completed: 0, not_completed: 0 },
  };
  for (const r of rows) {
    if (r.roster === 'exempted') c.exempted++;
    else if (r.roster === 'left') c.left++;
    else {
      c.graded++;
      if (r.self_points !== null) c.selfAssessed++;
      if (r.proposed_level !== null) c.proposed++;
      if (r.decided_level !== null) {
        c.decided++;
        c.levels[r.decided_level as GradeLevel]++;
      }
    }
  }
  return c;
}
