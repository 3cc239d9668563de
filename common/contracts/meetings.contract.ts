import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zText } from './common.contract.ts';

// Cell meetings (sinh hoạt chi bộ định kỳ / chuyên đề) and attendance (điểm danh): issue 4, item 1; R-MGT-03.

export const MEETING_KINDS = ['regular', 'thematic'] as const;
export const ZMeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof ZMeetingKind>;

/** planned: on the year's plan; held: took place (counts for R-MGT-03); cancelled: will not take place. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof ZMeetingStatus>;

export const ATTENDANCE_STATUSES = ['present', 'absent_with_reason', 'absent_without_reason'] as const;
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof ZAttendanceStatus>;

/** Why a member is or is not expected at a meeting (attendanceExpectation in common/rules/meeting-compliance.ts). */
export const EXPECTATIONS = ['member', 'exempted', 'temporary_transfer_out'] as const;
export const ZExpectation = z.enum(EXPECTATIONS);

/** The scanned minutes: PDF, JPEG or PNG, checked by their first bytes, at most 10 MB. */
export const MINUTES_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const MINUTES_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const ZYear = z.coerce.number().int().min(1990).max(2100);
export const ZYearQuery = z.object({ year: ZYear.optional() });

const meetingFields = {
  kind: ZMeetingKind,
  status: ZMeetingStatus,
  /** The planned day while planned, the day it was held once held. */
  date: ZIsoDate,
  topic: zText(500),
  chair: zText(120),
  minuteTaker: zText(120),
  minutes: zText(50_000),
  resolutions: zText(20_000),
};

export const ZCreateMeeting = z.object(meetingFields);
export type CreateMeetingInput = z.infer<typeof ZCreateMeeting>;

export const ZUpdateMeeting = z.object({ ...meetingFields, version: ZVersion });
export type UpdateMeetingInput = z.infer<typeof ZUpdateMeeting>;

/** A year's plan: one regular meeting a month on `regularDay`, one thematic meeting a quarter in `thematicMonths`. */
export const ZPlanMeetings = z.object({
  year: ZYear,
  regularDay: z.number().int().min(1).max(28),
  thematicDay: z.number().int().min(1).max(28).optional(),
  /** One month per quarter, in order: default the last month of each quarter. */
  thematicMonths: z.array(z.number().int().min(1).max(12)).length(4).default([3, 6, 9, 12]),
  /** Topics of the four thematic meetings, optional. */
  thematicTopics: z.array(zText(500)).max(4).default([]),
});
export type PlanMeetingsInput = z.infer<typeof ZPlanMeetings>;

export const ZCellRef = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZAttendanceCounts = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  absentWithReason: z.number().int(),
  absentWithoutReason: z.number().int(),
});

export const ZMeetingSummary = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  kind: ZMeetingKind,
  status: ZMeetingStatus,
  date: z.string(),
  plannedOn: z.string().nullable(),
  topic: z.string().nullable(),
  chair: z.string().nullable(),
  /** null until the attendance sheet was saved. */
  attendance: ZAttendanceCounts.nullable(),
  hasMinutesFile: z.boolean(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof ZMeetingSummary>;

/** R-MGT-03 for one cell and year: months without a held regular meeting, quarters without a thematic one. */
export const ZCellCompliance = z.object({
  year: z.number().int(),
  /** Months fromMonth..upToMonth are judged (a month is judged once it is over; a cell founded mid-year from then). */
  fromMonth: z.number().int(),
  upToMonth: z.number().int(),
  /** Held meetings per month (index 0 = January). */
  regularByMonth: z.array(z.number().int()).length(12),
  thematicByQuarter: z.array(z.number().int()).length(4),
  missingMonths: z.array(z.number().int()),
  missingQuarters: z.array(z.number().int()),
});
export type CellCompliance = z.infer<typeof ZCellCompliance>;

export const ZCellMeetings = z.object({
  cell: ZCellRef,
  year: z.number().int(),
  meetings: z.array(ZMeetingSummary),
  compliance: ZCellCompliance,
});
export type CellMeetings = z.infer<typeof ZCellMeetings>;

export const ZPlanResult = z.object({ created: z.number().int(), skipped: z.number().int(), meetings: z.array(ZMeetingSummary) });

export const ZAttendanceRow = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  memberStatus: z.string(),
  expected: z.boolean(),
  expectation: ZExpectation,
  /** The recorded status, null when not recorded. */
  status: ZAttendanceStatus.nullable(),
  reason: z.string().nullable(),
  /** Recorded earlier but no longer in the cell (moved on since). */
  formerMember: z.boolean(),
});
export type AttendanceRow = z.infer<typeof ZAttendanceRow>;

export const ZMeetingDetail = ZMeetingSummary.extend({
  organization: ZCellRef,
  minuteTaker: z.string().nullable(),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
  attendanceRecordedAt: z.string().nullable(),
  minutesFile: z
    .object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  sheet: z.array(ZAttendanceRow),
});
export type MeetingDetail = z.infer<typeof ZMeetingDetail>;

export const ZAttendanceEntry = z.object({
  memberId: ZId,
  status: ZAttendanceStatus,
  reason: zText(300),
});
export const ZSaveAttendance = z.object({
  version: ZVersion,
  entries: z.array(ZAttendanceEntry).max(2000),
});
export type SaveAttendanceInput = z.infer<typeof ZSaveAttendance>;

export const ZMinutesFileQuery = z.object({ version: z.coerce.number().int().positive() });

/** The organization above: its cells × months (R-MGT-03), one page at a time, with totals over the whole subtree. */
export const ZComplianceQuery = ZPageQuery.extend({
  year: ZYear.optional(),
  gapsOnly: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type ComplianceQuery = z.infer<typeof ZComplianceQuery>;

export const ZComplianceRow = ZCellCompliance.omit({ year: true }).extend({
  cell: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), parentName: z.string().nullable() }),
});
export type ComplianceRow = z.infer<typeof ZComplianceRow>;

export const ZComplianceView = z.object({
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  year: z.number().int(),
  upToMonth: z.number().int(),
  totals: z.object({
    cells: z.number().int(),
    cellsWithGaps: z.number().int(),
    missingMonths: z.number().int(),
    missingQuarters: z.number().int(),
  }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZComplianceRow),
});
export type ComplianceView = z.infer<typeof ZComplianceView>;
