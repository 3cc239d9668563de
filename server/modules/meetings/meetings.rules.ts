// Pure helpers of the meetings module (no I/O): which months of a year are judged for R-MGT-03, and the attendance
// sheet of a meeting. The regulation itself lives in common/rules/meeting-compliance.ts; this only frames its inputs.
import { addDays, parseIsoDate, type IsoDate } from '../../../common/rules/iso-date.ts';
import {
  attendanceExpectation,
  type AttendanceExpectation,
  missingRegularMonths,
  missingThematicQuarters,
  type CellMeeting,
} from '../../../common/rules/meeting-compliance.ts';
import type { Exemption } from '../../../common/rules/exemption-rules.ts';
import type { TemporaryTransfer } from '../../../common/rules/transfer-rules.ts';

/**
 * The months of `year` judged on `today`: a month once it is over ("pass the current month only when it is over"),
 * from the first whole month of the cell's life to the last whole month before it ended (valid_to is exclusive).
 * Returns upToMonth < fromMonth when nothing is judged yet.
 */
export function judgedMonths(year: number, today: IsoDate, validFrom: IsoDate, validTo: IsoDate | null): { fromMonth: number; upToMonth: number } {
  const t = parseIsoDate(today);
  let upToMonth = year < t.y ? 12 : year === t.y ? t.m - 1 : 0;
  let fromMonth = 1;
  const f = parseIsoDate(validFrom);
  if (f.y > year) fromMonth = 13;
  else if (f.y === year) fromMonth = f.d === 1 ? f.m : f.m + 1;
  if (validTo !== null) {
    const last = parseIsoDate(addDays(validTo, -1));
    const isMonthEnd = parseIsoDate(validTo).d === 1;
    if (last.y < year) upToMonth = 0;
    else if (last.y === year) upToMonth = Math.min(upToMonth, isMonthEnd ? last.m : last.m - 1);
  }
  return { fromMonth, upToMonth };
}

export interface ComplianceFacts {
  fromMonth: number;
  upToMonth: number;
  regularByMonth: number[];
  thematicByQuarter: number[];
  missingMonths: number[];
  missingQuarters: number[];
}

/** Held meetings of a year counted per month (regular) and per quarter (thematic), index 0 = January / the first quarter. */
export interface HeldCounts {
  regularByMonth: number[];
  thematicByQuarter: number[];
}

/** Counts a cell's held meetings of `year` (meetings of other years are ignored). */
export function countHeld(year: number, held: readonly CellMeeting[]): HeldCounts {
  const regularByMonth = Array.from({ length: 12 }, () => 0);
  const thematicByQuarter = Array.from({ length: 4 }, () => 0);
  for (const m of held) {
    const { y, m: month } = parseIsoDate(m.date);
    if (y !== year) continue;
    if (m.kind === 'regular') regularByMonth[month - 1]++;
    else thematicByQuarter[Math.floor((month - 1) / 3)]++;
  }
  return { regularByMonth, thematicByQuarter };
}

/**
 * R-MGT-03 for one cell and year from its counts (the subtree view gets them from one aggregate query). The rules of
 * common/rules/meeting-compliance.ts read meetings, so each count stands for that many meetings in its month/quarter.
 */
export function cellCompliance(year: number, counts: HeldCounts, window: { fromMonth: number; upToMonth: number }): ComplianceFacts {
  const held: CellMeeting[] = [];
  const pad = (m: number) => String(m).padStart(2, '0');
  counts.regularByMonth.forEach((n, i) => {
    for (let k = 0; k < n; k++) held.push({ date: `${year}-${pad(i + 1)}-01`, kind: 'regular' });
  });
  counts.thematicByQuarter.forEach((n, i) => {
    for (let k = 0; k < n; k++) held.push({ date: `${year}-${pad(3 * i + 1)}-01`, kind: 'thematic' });
  });
  const { fromMonth, upToMonth } = window;
  const judged = fromMonth <= 12 && upToMonth >= 1 && fromMonth <= upToMonth;
  return {
    fromMonth,
    upToMonth,
    regularByMonth: [...counts.regularByMonth],
    thematicByQuarter: [...counts.thematicByQuarter],
    missingMonths: judged ? missingRegularMonths(year, held, upToMonth, { fromMonth }) : [],
    missingQuarters: judged ? missingThematicQuarters(year, held, upToMonth, { fromMonth }) : [],
  };
}

export interface SheetMember {
  memberId: number;
  fullName: string;
  birthDate: string;
  memberStatus: string;
  sortKey: string;
}

export interface SheetRow extends Omit<SheetMember, 'sortKey'> {
  expected: boolean;
  expectation: AttendanceExpectation['reason'];
  status: string | null;
  reason: string | null;
  formerMember: boolean;
}

/**
 * The attendance sheet: everyone in the cell on the meeting day as far as today's records tell (the active members,
 * less those admitted after the day), plus anyone already recorded (moved on since), each with whether they are
 * expected (R-MGT-02 exemptions from activities, R-MGT-06 temporary transfers out).
 */
export function buildSheet(
  meetingDate: IsoDate,
  current: readonly (SheetMember & { admissionDate: string | null })[],
  recorded: readonly (SheetMember & { status: string; reason: string | null })[],
  exemptions: readonly Exemption[],
  transfers: readonly TemporaryTransfer[],
): SheetRow[] {
  const byId = new Map<number, SheetMember & { status: string | null; reason: string | null; formerMember: boolean }>();
  for (const m of current) {
    if (m.admissionDate !== null && m.admissionDate > meetingDate) continue;
    byId.set(m.memberId, { ...m, status: null, reason: null, formerMember: false });
  }
  for (const r of recorded) {
    const here = byId.get(r.memberId);
    byId.set(r.memberId, { ...(here ?? r), status: r.status, reason: r.reason, formerMember: here === undefined });
  }
  return [...byId.values()]
    .sort((a, b) => Number(a.formerMember) - Number(b.formerMember) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.memberId - b.memberId))
    .map(({ sortKey: _sortKey, ...m }) => {
      const e = attendanceExpectation({ memberId: m.memberId }, meetingDate, exemptions, transfers);
      return { ...m, expected: e.expected, expectation: e.reason };
    });
}
