import { z } from 'zod';
import { EXEMPTION_REASONS } from '../rules/exemption-rules.ts';
import { ZId, ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';
import { ZAttendanceStatus, ZExpectation, ZMeetingKind, ZYear } from './meetings.contract.ts';

// Work assignments (R-MGT-01), exemptions (R-MGT-02), residence contact (R-MGT-07) and a member's party life
// (issue 4, items 3, 4, 6 and 7).

const nullableDate = ZIsoDate.nullable()
  .optional()
  .transform((v) => v ?? null);

export const ZDateQuery = z.object({ date: ZIsoDate.optional() });

export const ZMemberRef = z.object({ id: z.number().int(), fullName: z.string() });
export const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

// ---------------------------------------------------------------- work assignments (R-MGT-01)

export const ZCreateAssignment = z.object({
  memberId: ZId,
  description: zRequiredText(2000),
  from: ZIsoDate,
  to: nullableDate,
  /** The cell meeting that assigned it. */
  assignedOn: ZIsoDate,
  meetingId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type CreateAssignmentInput = z.infer<typeof ZCreateAssignment>;

export const ZUpdateAssignment = ZCreateAssignment.omit({ memberId: true }).extend({ version: ZVersion });
export type UpdateAssignmentInput = z.infer<typeof ZUpdateAssignment>;

export const ZAssignment = z.object({
  id: z.number().int(),
  member: ZMemberRef,
  organization: ZOrgRef,
  description: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  assignedOn: z.string(),
  meetingId: z.number().int().nullable(),
  version: z.number().int(),
});
export type Assignment = z.infer<typeof ZAssignment>;

export const ZRosterMember = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  memberStatus: z.string(),
  /** Exempted on the date (R-MGT-02), from activities and from work separately. */
  exemptFromActivities: z.boolean(),
  exemptFromWork: z.boolean(),
  onTemporaryTransfer: z.boolean(),
  /** The assignment valid on the date, if any. */
  assignment: ZAssignment.nullable(),
  /** R-MGT-01: needs an assignment and has none. */
  withoutAssignment: z.boolean(),
  /** R-MGT-07: registered with a residence cell on the date. */
  residenceRegistered: z.boolean(),
});
export type RosterMember = z.infer<typeof ZRosterMember>;

export const ZCellAssignments = z.object({
  cell: ZOrgRef,
  date: z.string(),
  roster: z.array(ZRosterMember),
  withoutAssignment: z.array(z.number().int()),
  assignments: z.array(ZAssignment),
});
export type CellAssignments = z.infer<typeof ZCellAssignments>;

// ---------------------------------------------------------------- exemptions (R-MGT-02)

export const ZExemptionReason = z.enum(EXEMPTION_REASONS);
export const ZRequestKind = z.enum(['written', 'oral']);

const exemptionFields = {
  reason: ZExemptionReason,
  note: zText(1000),
  requestKind: ZRequestKind,
  requestedOn: ZIsoDate,
  /** R-MGT-02: the cell decides; missing → a field error naming the rule (not a bare schema error). */
  decidedOn: nullableDate,
  decisionRef: zText(100),
  from: ZIsoDate,
  to: nullableDate,
  fromActivities: z.boolean(),
  fromWork: z.boolean(),
  superiorInformedOn: nullableDate,
};

export const ZCreateExemption = z.object({ memberId: ZId, ...exemptionFields });
export type CreateExemptionInput = z.infer<typeof ZCreateExemption>;
export const ZUpdateExemption = z.object({ ...exemptionFields, version: ZVersion });
export type UpdateExemptionInput = z.infer<typeof ZUpdateExemption>;

export const ZExemption = z.object({
  id: z.number().int(),
  member: ZMemberRef,
  organization: ZOrgRef,
  reason: ZExemptionReason,
  note: z.string().nullable(),
  requestKind: ZRequestKind,
  requestedOn: z.string(),
  decidedOn: z.string(),
  decisionRef: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  fromActivities: z.boolean(),
  fromWork: z.boolean(),
  superiorInformedOn: z.string().nullable(),
  /** In force today. */
  active: z.boolean(),
  version: z.number().int(),
});
export type Exemption = z.infer<typeof ZExemption>;

export const ZExemptionListQuery = z.object({
  /** cell: decided by this cell; subtree: decided by any cell under this organization (the superior's view). */
  within: z.enum(['cell', 'subtree']).default('cell'),
  state: z.enum(['active', 'all']).default('all'),
});
export const ZExemptionList = z.object({ organization: ZOrgRef, items: z.array(ZExemption) });
export type ExemptionList = z.infer<typeof ZExemptionList>;

// ---------------------------------------------------------------- residence contact (R-MGT-07)

export const RESIDENCE_RATINGS = ['good', 'average', 'low'] as const;
export const ZResidenceRating = z.enum(RESIDENCE_RATINGS);

export const ZCreateRegistration = z.object({
  memberId: ZId,
  /** The residence cell when it is in the system … */
  residenceOrganizationId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
  /** … or its name when it is not. */
  residenceCellName: zText(200),
  residenceAddress: zText(300),
  registeredOn: ZIsoDate,
});
export type CreateRegistrationInput = z.infer<typeof ZCreateRegistration>;

export const ZUpdateRegistration = ZCreateRegistration.omit({ memberId: true }).extend({
  endedOn: nullableDate,
  version: ZVersion,
});
export type UpdateRegistrationInput = z.infer<typeof ZUpdateRegistration>;

const opinionFields = {
  year: ZYear,
  rating: ZResidenceRating,
  comments: zText(4000),
  givenOn: ZIsoDate,
  givenBy: zRequiredText(200),
};
export const ZCreateOpinion = z.object(opinionFields);
export type CreateOpinionInput = z.infer<typeof ZCreateOpinion>;
export const ZUpdateOpinion = z.object({ ...opinionFields, version: ZVersion });
export type UpdateOpinionInput = z.infer<typeof ZUpdateOpinion>;

export const ZResidenceOpinion = z.object({
  id: z.number().int(),
  registrationId: z.number().int(),
  memberId: z.number().int(),
  year: z.number().int(),
  rating: ZResidenceRating,
  comments: z.string().nullable(),
  givenOn: z.string(),
  givenBy: z.string(),
  version: z.number().int(),
});
export type ResidenceOpinion = z.infer<typeof ZResidenceOpinion>;

export const ZRegistration = z.object({
  id: z.number().int(),
  member: ZMemberRef.extend({ organization: ZOrgRef }),
  residenceOrganization: ZOrgRef.nullable(),
  residenceCellName: z.string().nullable(),
  residenceAddress: z.string().nullable(),
  registeredOn: z.string(),
  endedOn: z.string().nullable(),
  opinions: z.array(ZResidenceOpinion),
  version: z.number().int(),
});
export type Registration = z.infer<typeof ZRegistration>;

export const ZCellResidence = z.object({
  cell: ZOrgRef,
  /** Registrations of this cell's members, wherever they live. */
  ofMembers: z.array(ZRegistration),
  /** Members of other cells registered with this cell as their residence cell (it gives them the yearly opinion). */
  atThisCell: z.array(ZRegistration),
  /** Active members of the cell with no current registration. */
  unregistered: z.array(ZMemberRef),
});
export type CellResidence = z.infer<typeof ZCellResidence>;

// ---------------------------------------------------------------- a member's party life (item 7)

export const ZMissedMeeting = z.object({
  meetingId: z.number().int(),
  date: z.string(),
  kind: ZMeetingKind,
  topic: z.string().nullable(),
  status: ZAttendanceStatus,
  reason: z.string().nullable(),
  expected: z.boolean(),
  expectation: ZExpectation,
  organization: ZOrgRef,
});

export const ZMemberPartyLife = z.object({
  member: ZMemberRef.extend({ organization: ZOrgRef }),
  attendance: z.object({
    /** Meetings recorded for the member, all years. */
    recorded: z.number().int(),
    present: z.number().int(),
    /** Absences, newest first. */
    missed: z.array(ZMissedMeeting),
    /** R-RMV-01: months counting against the member, per year that has any. */
    monthsAbsentWithoutReason: z.array(z.object({ year: z.number().int(), months: z.array(z.number().int()) })),
  }),
  assignments: z.array(ZAssignment),
  exemptions: z.array(ZExemption),
  residence: z.array(ZRegistration),
});
export type MemberPartyLife = z.infer<typeof ZMemberPartyLife>;
