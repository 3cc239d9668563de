import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zPage, zRequiredText, zText } from './common.contract.ts';
import { ZPersonFields } from './members.contract.ts';

/**
 * Outstanding people (quần chúng ưu tú) introduced to a cell by a mass organization (Kế hoạch 99-KH/HU II.2, III.5).
 * introduced → in_training → applied (set by the admission module) → admitted / not_admitted; withdrawn from any open status.
 */
export const CANDIDATE_STATUSES = ['introduced', 'in_training', 'applied', 'admitted', 'not_admitted', 'withdrawn'] as const;
export const ZCandidateStatus = z.enum(CANDIDATE_STATUSES);
export type CandidateStatus = z.infer<typeof ZCandidateStatus>;
/** A person has at most one open candidacy at a time. */
export const OPEN_CANDIDATE_STATUSES: readonly CandidateStatus[] = ['introduced', 'in_training', 'applied'];

/** The Fatherland Front and the socio-political organizations that introduce candidates (domain.md, roles). */
export const MASS_ORGANIZATIONS = [
  'fatherland_front',
  'youth_union',
  'womens_union',
  'farmers_union',
  'veterans_association',
  'trade_union',
  'other',
] as const;
export const ZMassOrganization = z.enum(MASS_ORGANIZATIONS);
export type MassOrganization = z.infer<typeof ZMassOrganization>;

const ZIntroduction = {
  /** The cell the person is introduced to (kinds 'cell' or 'grassroots_cell'). */
  organizationId: ZId,
  massOrganization: ZMassOrganization,
  /** The introducing unit as written, e.g. "Đoàn TNCS Hồ Chí Minh xã Lạc Dương". */
  massOrganizationName: zText(200),
  /** Why the person is outstanding. */
  reason: zRequiredText(2000),
  introducedOn: ZIsoDate,
};

/**
 * Either a new person (identity as on the personal history) or an existing person by id.
 * Strict objects: a body naming a field the route does not take (status, helper, introducer) is refused, not ignored.
 */
export const ZIntroduceCandidate = z.union([
  z.strictObject({ ...ZIntroduction, person: ZPersonFields.strict() }),
  z.strictObject({ ...ZIntroduction, personId: ZId }),
]);
export type IntroduceCandidateInput = z.infer<typeof ZIntroduceCandidate>;

export const ZUpdateCandidate = z.strictObject({
  massOrganization: ZMassOrganization,
  massOrganizationName: zText(200),
  reason: zRequiredText(2000),
  introducedOn: ZIsoDate,
  version: ZVersion,
});
export type UpdateCandidateInput = z.infer<typeof ZUpdateCandidate>;

/** The cell assigns an official member of the cell to help the candidate (R-REC-03 names the same duty during probation). */
export const ZAssignHelper = z.strictObject({
  memberId: ZId,
  assignedOn: ZIsoDate,
  version: ZVersion,
});
export type AssignHelperInput = z.infer<typeof ZAssignHelper>;

/** Status changes the cell records itself; 'applied', 'admitted' and 'not_admitted' come from the admission module. */
export const ZChangeCandidateStatus = z.strictObject({
  status: z.enum(['in_training', 'withdrawn']),
  date: ZIsoDate,
  note: zText(1000),
  version: ZVersion,
});
export type ChangeCandidateStatusInput = z.infer<typeof ZChangeCandidateStatus>;

export const ZCandidateListQuery = ZPageQuery.extend({
  /** Name or citizen id. A text that may carry a citizen id is refused in the GET's URL (citizen_id_in_url). */
  q: z.string().trim().max(100).optional(),
  status: z.union([ZCandidateStatus, z.literal('open'), z.literal('all')]).default('all'),
  /** Candidates of this organization and its subtree. */
  organizationId: ZId.optional(),
});
export type CandidateListQuery = z.infer<typeof ZCandidateListQuery>;
/** POST /api/candidates/search: the same filters in a strict body, the way to search by citizen id (security.md item 25). */
export const ZCandidateSearchBody = ZCandidateListQuery.strict();

const ZRef = z.object({ id: z.number().int(), name: z.string() });

/**
 * What a front officer sees of the people they introduced (security.md item 4): name, cell, status and dates;
 * no party records, no member data, no assessment, discipline or family fields.
 */
export const ZCandidateLimited = z.object({
  view: z.literal('limited'),
  id: z.number().int(),
  fullName: z.string(),
  organization: ZRef,
  status: ZCandidateStatus,
  introducedOn: z.string(),
  statusChangedOn: z.string(),
});
export type CandidateLimited = z.infer<typeof ZCandidateLimited>;

export const ZCandidateListItem = z.object({
  view: z.literal('full'),
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  organization: ZRef,
  status: ZCandidateStatus,
  massOrganization: ZMassOrganization,
  introducedOn: z.string(),
  statusChangedOn: z.string(),
  introducer: z.string(),
  helper: z.string().nullable(),
});
export type CandidateListItem = z.infer<typeof ZCandidateListItem>;

export const ZCandidateList = zPage(z.discriminatedUnion('view', [ZCandidateListItem, ZCandidateLimited]));
export type CandidateList = z.infer<typeof ZCandidateList>;

export const CANDIDATE_EVENT_KINDS = ['introduced', 'updated', 'helper_assigned', 'status_changed'] as const;
export const ZCandidateEventKind = z.enum(CANDIDATE_EVENT_KINDS);

export const ZCandidateEvent = z.object({
  id: z.number().int(),
  kind: ZCandidateEventKind,
  eventDate: z.string(),
  fromStatus: ZCandidateStatus.nullable(),
  toStatus: ZCandidateStatus.nullable(),
  helper: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  createdAt: z.string(),
});

export const ZCandidateDetail = z.object({
  view: z.literal('full'),
  id: z.number().int(),
  version: z.number().int(),
  status: ZCandidateStatus,
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  person: z.object({
    id: z.number().int(),
    fullName: z.string(),
    gender: z.string(),
    birthDate: z.string(),
    birthplace: z.string().nullable(),
    hometown: z.string().nullable(),
    permanentAddress: z.string().nullable(),
    temporaryAddress: z.string().nullable(),
    ethnicityCode: z.string(),
    religionCode: z.string(),
    citizenId: z.string().nullable(),
    phone: z.string().nullable(),
    generalEducation: z.string().nullable(),
    professionalQualification: z.string().nullable(),
    occupation: z.string().nullable(),
  }),
  massOrganization: ZMassOrganization,
  massOrganizationName: z.string().nullable(),
  reason: z.string(),
  introducedOn: z.string(),
  statusChangedOn: z.string(),
  introducer: z.object({ id: z.number().int(), displayName: z.string(), role: z.string() }),
  helper: z.object({ memberId: z.number().int(), fullName: z.string(), assignedOn: z.string() }).nullable(),
  history: z.array(ZCandidateEvent),
});
export type CandidateDetail = z.infer<typeof ZCandidateDetail>;

export const ZCandidateView = z.discriminatedUnion('view', [ZCandidateDetail, ZCandidateLimited]);
export type CandidateView = z.infer<typeof ZCandidateView>;

/** Official members of the candidate's cell: the people the cell may assign as helper. */
export const ZHelperOptions = z.object({
  items: z.array(z.object({ memberId: z.number().int(), fullName: z.string(), birthDate: z.string() })),
});

/** Name or citizen id; one that may carry a citizen id goes in the body of POST /api/candidates/person-options/search. */
export const ZPersonOptionsQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const ZPersonOptionsSearchBody = ZPersonOptionsQuery.strict();
/** Existing persons an official may introduce again: former candidates and former members in scope. */
export const ZPersonOptions = z.object({
  items: z.array(
    z.object({
      personId: z.number().int(),
      fullName: z.string(),
      birthDate: z.string(),
      lastStatus: z.string(),
      organizationName: z.string(),
    }),
  ),
});
