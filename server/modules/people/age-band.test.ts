import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInFullYears, fromEpochDay, toEpochDay } from '../../../common/rules/iso-date.ts';
import { birthDateBounds } from './age-band.ts';

const isoDate = fc.integer({ min: toEpochDay('1920-01-01'), max: toEpochDay('2030-12-31') }).map(fromEpochDay);

describe('birthDateBounds', () => {
  it('selects exactly the people whose age in whole years lies in the band (property, leap days included)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 30 }), (birth, today, ageMin, width) => {
        fc.pre(birth <= today);
        const ageMax = ageMin + width;
        const { birthFrom, birthTo } = birthDateBounds(today, ageMin, ageMax);
        const age = ageInFullYears(birth, today);
        const inBand = birth >= birthFrom! && birth <= birthTo!;
        return inBand === (age >= ageMin && age <= ageMax);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles 29 February and open-ended bands', () => {
    // Born 29/02/2008: 18 on 01/03/2026 in a common year, not on 28/02.
    expect(birthDateBounds('2026-02-28', 18)).toEqual({ birthFrom: null, birthTo: '2008-02-28' });
    expect(birthDateBounds('2026-03-01', 18)).toEqual({ birthFrom: null, birthTo: '2008-03-01' });
    expect(birthDateBounds('2026-06-15', undefined, 30)).toEqual({ birthFrom: '1995-06-16', birthTo: null });
  });
});
