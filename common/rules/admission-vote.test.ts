import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCellVote,
  checkCommitteeVote,
  checkTwoThirds,
  computeVoteBase,
  meetsThreshold,
  requiredApprovals,
  type CellRollEntry,
  type ThresholdParams,
} from './admission-vote.ts';
import { ADMISSION_RULE_SETS } from './default-rule-sets.ts';
import { paramsInForce } from './rule-check.ts';

const TWO_THIRDS = paramsInForce<ThresholdParams>(ADMISSION_RULE_SETS, 'R-ADM-09', '2026-03-01');
const COMMITTEE = paramsInForce<ThresholdParams>(ADMISSION_RULE_SETS, 'R-ADM-10', '2026-03-01');

let nextId = 1;
const entry = (over: Partial<CellRollEntry> = {}): CellRollEntry => ({
  personId: nextId++,
  standing: 'official',
  temporarilyTransferredOut: false,
  exempted: false,
  attended: true,
  ...over,
});

// 12 official members: one on temporary transfer elsewhere, one exempted and absent, one exempted who attends,
// one absent without exemption; and two probationary members who attend.
const ROLL: CellRollEntry[] = [
  ...Array.from({ length: 8 }, () => entry()),
  entry({ temporarilyTransferredOut: true, attended: false }),
  entry({ exempted: true, attended: false }),
  entry({ exempted: true, attended: true }),
  entry({ attended: false }),
  entry({ standing: 'probationary' }),
  entry({ standing: 'probationary' }),
];

const rollArb = fc.array(
  fc.record({
    personId: fc.nat(),
    standing: fc.constantFrom('official' as const, 'probationary' as const),
    temporarilyTransferredOut: fc.boolean(),
    exempted: fc.boolean(),
    attended: fc.boolean(),
  }),
  { maxLength: 40 },
);

describe('computeVoteBase', () => {
  it('R-ADM-09: official members, minus the temporary transfer out and the absent exempted member; the exempted member who attends counts', () => {
    expect(computeVoteBase(ROLL)).toEqual({
      base: 10,
      official: 12,
      probationary: 2,
      temporarilyTransferredOut: 1,
      absentExempted: 1,
      presentVoters: 9,
    });
  });

  it('R-REC-02: probationary members never change the base; exempted members who attend always count (property)', () => {
    fc.assert(
      fc.property(rollArb, (roll) => {
        const vb = computeVoteBase(roll);
        const officials = roll.filter((m) => m.standing === 'official');
        expect(computeVoteBase(officials).base).toBe(vb.base);
        expect(vb.base).toBeLessThanOrEqual(vb.official);
        expect(vb.presentVoters).toBeLessThanOrEqual(vb.base);
        const attending = roll.map((m) => (m.exempted ? { ...m, attended: true } : m));
        expect(computeVoteBase(attending).base).toBe(vb.official - vb.temporarilyTransferredOut);
      }),
    );
  });
});

describe('checkTwoThirds', () => {
  it('R-ADM-09: exactly 2/3 passes with a temporary transfer out and an absent exempted member excluded from the base', () => {
    const roll = ROLL.filter((m) => m.attended || m.exempted || m.temporarilyTransferredOut); // base 9: 8 + the exempted attendee
    expect(computeVoteBase(roll).base).toBe(9);
    const [voters, carried] = checkCellVote(roll, { approve: 6, reject: 3 }, TWO_THIRDS);
    expect(voters).toMatchObject({ ruleId: 'R-REC-02', ok: true });
    expect(carried).toMatchObject({ ruleId: 'R-ADM-09', ok: true, code: 'threshold_reached', facts: { approve: 6, base: 9, required: 6 } });
    expect(checkCellVote(roll, { approve: 5, reject: 4 }, TWO_THIRDS)[1]).toMatchObject({ ok: false, code: 'threshold_not_reached' });
  });

  it('R-ADM-09: the base counts members absent without exemption, so 6 approvals of 9 present fail a base of 10 and 7 pass', () => {
    expect(checkCellVote(ROLL, { approve: 6, reject: 3 }, TWO_THIRDS)[1]).toMatchObject({ ok: false, facts: { base: 10, required: 7 } });
    expect(checkCellVote(ROLL, { approve: 7, reject: 2 }, TWO_THIRDS)[1]).toMatchObject({ ok: true, facts: { base: 10, required: 7 } });
  });

  it('R-ADM-09: a base of 0 fails', () => {
    expect(checkTwoThirds(0, 0, TWO_THIRDS)).toMatchObject({ ok: false, code: 'empty_vote_base' });
  });

  it('R-ADM-09: the threshold is monotonic in approvals and requiredApprovals is the least that passes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (approve, base) => {
        const passes = meetsThreshold(approve, base, [2, 3]);
        expect(passes).toBe(base > 0 && approve * 3 >= base * 2);
        if (passes) expect(meetsThreshold(approve + 1, base, [2, 3])).toBe(true);
        if (base > 0) {
          const least = requiredApprovals(base, [2, 3]);
          expect(meetsThreshold(least, base, [2, 3])).toBe(true);
          expect(meetsThreshold(least - 1, base, [2, 3])).toBe(false);
        }
      }),
    );
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => meetsThreshold(1.5, 3, [2, 3])).toThrow(RangeError);
    expect(() => meetsThreshold(1, 3, [3, 2])).toThrow(RangeError);
  });
});

describe('checkCellVote', () => {
  it('R-REC-02: probationary members cannot vote: more votes than official members present is refused', () => {
    const [voters] = checkCellVote(ROLL, { approve: 9, reject: 1, abstain: 1 }, TWO_THIRDS);
    expect(voters).toMatchObject({ ruleId: 'R-REC-02', ok: false, code: 'more_votes_than_official_members_present', facts: { cast: 11, presentVoters: 9 } });
  });

  it('R-REC-04: the recognition vote uses the same base under its own rule id', () => {
    expect(checkCellVote(ROLL, { approve: 7, reject: 0 }, TWO_THIRDS, 'R-REC-04')[1]).toMatchObject({ ruleId: 'R-REC-04', ok: true });
  });
});

describe('checkCommitteeVote', () => {
  it('R-ADM-10: 2/3 of all committee members, present or not: 6 of 9 passes, 5 of 9 (all present in favour of 5 of 7) fails', () => {
    expect(checkCommitteeVote(9, { approve: 6, reject: 0 }, COMMITTEE).map((c) => [c.ruleId, c.ok])).toEqual([
      ['R-ADM-10', true],
      ['R-ADM-10', true],
    ]);
    expect(checkCommitteeVote(9, { approve: 5, reject: 2 }, COMMITTEE)[1]).toMatchObject({ ok: false, code: 'threshold_not_reached' });
  });

  it('R-ADM-10: more votes than committee members is refused', () => {
    expect(checkCommitteeVote(5, { approve: 5, reject: 1 }, COMMITTEE)[0]).toMatchObject({ ok: false, code: 'more_votes_than_committee_members' });
  });
});
