// Votes of a cell and of a committee on admission and recognition (docs/rules.md R-ADM-09, R-ADM-10, R-REC-02, R-REC-04).
// The threshold is a fraction compared in integers (approve × den ≥ base × num), so exactly 2/3 passes without rounding.
import { fail, pass, type RuleCheck } from './rule-check.ts';

/** [numerator, denominator], e.g. [2, 3]. */
export type Fraction = readonly [number, number];

export interface ThresholdParams {
  threshold: Fraction;
}

/** A member on the cell's own roll on the meeting date (members temporarily transferred in belong to their home cell's roll). */
export interface CellRollEntry {
  personId: number;
  standing: 'official' | 'probationary';
  /** On temporary transfer to another organization (R-MGT-06). */
  temporarilyTransferredOut: boolean;
  /** Exempted from activities (R-MGT-02). */
  exempted: boolean;
  attended: boolean;
}

export interface VoteBase {
  /** Official members, minus temporary transfers out, minus exempted members who are absent. */
  base: number;
  official: number;
  probationary: number;
  temporarilyTransferredOut: number;
  absentExempted: number;
  /** Members of the base present at the meeting: the most votes that can be cast. */
  presentVoters: number;
}

/** A vote as the minutes record it: counts, not names (a show of hands or a secret ballot). */
export interface VoteTally {
  approve: number;
  reject: number;
  abstain?: number;
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0: ${n}`);
}

function assertFraction([num, den]: Fraction): void {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num <= 0 || den <= 0 || num > den) {
    throw new RangeError(`Not a threshold fraction: ${num}/${den}`);
  }
}

/**
 * R-ADM-09 (Điều lệ Đảng Art. 4; Hướng dẫn 06-HD/TW §3.6.b; Quy định 294-QĐ/TW §9.3.2): official members on the
 * meeting date, minus those on temporary transfer elsewhere, minus exempted members who are absent (an exempted member
 * who attends counts). R-REC-02 (Điều lệ Art. 3.4): probationary members are never in it.
 */
export function computeVoteBase(roll: readonly CellRollEntry[]): VoteBase {
  let official = 0;
  let probationary = 0;
  let temporarilyTransferredOut = 0;
  let absentExempted = 0;
  let presentVoters = 0;
  for (const m of roll) {
    if (m.standing === 'probationary') {
      probationary++;
      continue;
    }
    official++;
    if (m.temporarilyTransferredOut) temporarilyTransferredOut++;
    else if (m.exempted && !m.attended) absentExempted++;
    else if (m.attended) presentVoters++;
  }
  return { base: official - temporarilyTransferredOut - absentExempted, official, probationary, temporarilyTransferredOut, absentExempted, presentVoters };
}

/** The fewest approvals that reach `threshold` of `base` (ceil(base × num / den)); a base of 0 can never be reached. */
export function requiredApprovals(base: number, threshold: Fraction): number {
  assertCount(base, 'base');
  assertFraction(threshold);
  const [num, den] = threshold;
  return Math.max(1, Math.ceil((base * num) / den));
}

/** approve / base ≥ num / den in integers; a base of 0 never passes. */
export function meetsThreshold(approve: number, base: number, threshold: Fraction): boolean {
  assertCount(approve, 'approve');
  assertCount(base, 'base');
  assertFraction(threshold);
  const [num, den] = threshold;
  return base > 0 && approve * den >= base * num;
}

/** R-ADM-09 / R-ADM-10 / R-REC-04: at least `threshold` (2/3) of `base` approve; exactly 2/3 passes, an empty base fails. */
export function checkTwoThirds(
  approve: number,
  base: number,
  params: ThresholdParams,
  ruleId: 'R-ADM-09' | 'R-ADM-10' | 'R-REC-04' = 'R-ADM-09',
): RuleCheck {
  const facts = { approve, base, required: base > 0 ? requiredApprovals(base, params.threshold) : null, threshold: params.threshold };
  if (base === 0) return fail(ruleId, 'empty_vote_base', facts);
  return meetsThreshold(approve, base, params.threshold) ? pass(ruleId, 'threshold_reached', facts) : fail(ruleId, 'threshold_not_reached', facts);
}

const votesCast = (t: VoteTally) => t.approve + t.reject + (t.abstain ?? 0);

/**
 * A cell's vote: [R-REC-02 (Điều lệ Đảng Art. 3.4): no more votes than official members of the base present, so no
 * probationary member voted; then the threshold, under R-ADM-09 for admission or R-REC-04 for recognition].
 * The first failing means the minutes are wrong; the second that the motion was not carried.
 */
export function checkCellVote(
  roll: readonly CellRollEntry[],
  tally: VoteTally,
  params: ThresholdParams,
  ruleId: 'R-ADM-09' | 'R-REC-04' = 'R-ADM-09',
): RuleCheck[] {
  assertCount(tally.approve, 'approve');
  assertCount(tally.reject, 'reject');
  assertCount(tally.abstain ?? 0, 'abstain');
  const vb = computeVoteBase(roll);
  const cast = votesCast(tally);
  const voterFacts = { cast, presentVoters: vb.presentVoters, probationary: vb.probationary };
  const voters =
    cast <= vb.presentVoters
      ? pass('R-REC-02', 'only_official_members_voted', voterFacts)
      : fail('R-REC-02', 'more_votes_than_official_members_present', voterFacts);
  const threshold = checkTwoThirds(tally.approve, vb.base, params, ruleId);
  return [voters, { ...threshold, facts: { ...threshold.facts, ...vb } }];
}

/**
 * R-ADM-10 (Hướng dẫn 06-HD/TW §3.7.a): a grassroots committee's resolution needs 2/3 of all its members, present or
 * not. [votes cast ≤ committee size; threshold].
 */
export function checkCommitteeVote(committeeSize: number, tally: VoteTally, params: ThresholdParams): RuleCheck[] {
  assertCount(committeeSize, 'committeeSize');
  const cast = votesCast(tally);
  const facts = { cast, committeeSize };
  const voters =
    cast <= committeeSize ? pass('R-ADM-10', 'votes_within_committee', facts) : fail('R-ADM-10', 'more_votes_than_committee_members', facts);
  return [voters, checkTwoThirds(tally.approve, committeeSize, params, 'R-ADM-10')];
}
