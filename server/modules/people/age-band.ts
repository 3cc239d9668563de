import { addDays, addMonths, type IsoDate } from '../../../common/rules/iso-date.ts';

/**
 * Birth-date bounds (inclusive) of the people whose age in whole years on `today` lies in [ageMin, ageMax]:
 * age ≥ a ⇔ born on or before today − a years; age ≤ b ⇔ born after today − (b + 1) years. Month-end
 * clamping (addMonths) makes someone born on 29 February a year older on 1 March, as ageInFullYears does.
 */
export function birthDateBounds(today: IsoDate, ageMin?: number, ageMax?: number): { birthFrom: IsoDate | null; birthTo: IsoDate | null } {
  return {
    birthTo: ageMin === undefined ? null : addMonths(today, -12 * ageMin),
    birthFrom: ageMax === undefined ? null : addDays(addMonths(today, -12 * (ageMax + 1)), 1),
  };
}
