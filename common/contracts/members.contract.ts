import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zPage, zRequiredText, zText } from './common.contract.ts';

/** Statuses of domain.md: in the party (probationary, official) and the ways of leaving it. */
export const MEMBER_STATUSES = ['probationary', 'official', 'struck_off', 'released', 'expelled', 'deceased', 'transferred_out'] as const;
export const ZMemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof ZMemberStatus>;
export const ACTIVE_STATUSES: readonly MemberStatus[] = ['probationary', 'official'];

export const GENDERS = ['male', 'female'] as const;
export const ZGender = z.enum(GENDERS);

/** General education as written on the personal history: '12/12', '9/12', '10/10' (old system), or a higher-education note. */
export const ZGeneralEducation = z.string().trim().regex(/^(\d{1,2})\/(10|12)$/, { message: 'education_format' });

export const ZPersonFields = z.object({
  fullName: zRequiredText(120),
  birthName: zText(120),
  gender: ZGender,
  birthDate: ZIsoDate,
  birthplace: zText(300),
  hometown: zText(300),
  permanentAddress: zText(300),
  temporaryAddress: zText(300),
  ethnicityCode: z.string().regex(/^\d{2}$/),
  religionCode: z.string().min(1).max(30),
  /** CCCD: 12 digits, validated by common/rules/citizen-id.ts in the service. */
  citizenId: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$|^$/, { message: 'phone_format' })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  generalEducation: ZGeneralEducation.nullable().optional().transform((v) => v ?? null),
  professionalQualification: zText(200),
  politicalTheory: zText(100),
  occupation: zText(200),
});

export const ZPost = z.object({ title: zRequiredText(120), since: ZIsoDate.nullable().optional().transform((v) => v ?? null) });

export const ZMemberFields = z.object({
  historyNumber: zText(40),
  cardNumber: zText(40),
  admissionDecisionDate: ZIsoDate,
  ceremonyDate: ZIsoDate.nullable().optional().transform((v) => v ?? null),
  officialDate: ZIsoDate.nullable().optional().transform((v) => v ?? null),
  posts: z.array(ZPost).max(20).default([]),
});

// Strict: an unknown key is refused (400) instead of being dropped, so a client cannot believe it set a field
// the API does not take (security.md item 4, mass assignment).
export const ZCreateMember = ZPersonFields.extend(ZMemberFields.shape)
  .extend({
    organizationId: ZId,
    status: z.enum(['probationary', 'official']),
  })
  .strict();
export type CreateMemberInput = z.infer<typeof ZCreateMember>;

/** Edits the record; status and cell change only through events (POST /api/members/:id/events), so they are refused here. */
export const ZUpdateMember = ZPersonFields.extend(ZMemberFields.shape).extend({ version: ZVersion }).strict();
export type UpdateMemberInput = z.infer<typeof ZUpdateMember>;

/** Changes of status or cell, each an event on the member's timeline (history kept forever). */
export const MEMBER_EVENT_KINDS = [
  'registered',
  'admitted',
  'recognized',
  'moved',
  'struck_off',
  'released',
  'expelled',
  'deceased',
  'transferred_out',
  'reorganized',
] as const;
export const ZMemberEventKind = z.enum(MEMBER_EVENT_KINDS);

export const ZRecordMemberEvent = z.object({
  kind: z.enum(['recognized', 'moved', 'struck_off', 'released', 'expelled', 'deceased', 'transferred_out']),
  eventDate: ZIsoDate,
  /** Destination cell, for 'moved'. */
  organizationId: ZId.optional(),
  decisionRef: zText(100),
  note: zText(1000),
  version: ZVersion,
}).strict();
export type RecordMemberEventInput = z.infer<typeof ZRecordMemberEvent>;

const ZMemberFilters = ZPageQuery.extend({
  /** Name, citizen id or card number. A text that may carry a citizen id is refused in the GET's URL (citizen_id_in_url). */
  q: z.string().trim().max(100).optional(),
  status: z.union([ZMemberStatus, z.literal('active'), z.literal('all')]).default('active'),
  organizationId: ZId.optional(),
  gender: ZGender.optional(),
  ethnicityCode: z.string().regex(/^\d{2}$/).optional(),
  /** Age bands in whole years on today's date. */
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
});
const ageBandInOrder = (v: { ageMin?: number; ageMax?: number }) => v.ageMin === undefined || v.ageMax === undefined || v.ageMin <= v.ageMax;
const AGE_BAND_INVERTED = { path: ['ageMax'], message: 'age_band_inverted' };

/** GET /api/members: filters in the query string (no citizen id there: security.md item 25). */
export const ZMemberListQuery = ZMemberFilters.refine(ageBandInOrder, AGE_BAND_INVERTED);
export type MemberListQuery = z.infer<typeof ZMemberListQuery>;

/**
 * POST /api/members/search: the same filters in the body, so a search by citizen id stays out of URLs, browser
 * history and proxy logs (security.md item 25). Same scope and answer as the GET.
 */
export const ZMemberSearchBody = ZMemberFilters.strict().refine(ageBandInOrder, AGE_BAND_INVERTED);

export const ZMemberListItem = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  gender: ZGender,
  birthDate: z.string(),
  ethnicityCode: z.string(),
  status: ZMemberStatus,
  organization: z.object({ id: z.number().int(), name: z.string() }),
  cardNumber: z.string().nullable(),
  /** Only the last digits: full citizen ids stay on the member page. */
  citizenIdMasked: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof ZMemberListItem>;

/**
 * A page of members in Vietnamese name order. Counting every match of a broad search over a million members
 * is too slow, so the server stops counting after a bound: `totalIsLowerBound` true means "at least `total`"
 * (the web shows "more than …"); false means `total` is exact.
 */
export const ZMemberList = zPage(ZMemberListItem).extend({ totalIsLowerBound: z.boolean() });
export type MemberList = z.infer<typeof ZMemberList>;

export const ZMemberEvent = z.object({
  id: z.number().int(),
  kind: ZMemberEventKind,
  eventDate: z.string(),
  fromStatus: ZMemberStatus.nullable(),
  toStatus: ZMemberStatus.nullable(),
  fromOrganization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  toOrganization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  createdAt: z.string(),
});

export const ZMemberDetail = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  version: z.number().int(),
  personVersion: z.number().int(),
  status: ZMemberStatus,
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  person: z.object({
    fullName: z.string(),
    birthName: z.string().nullable(),
    gender: ZGender,
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
    politicalTheory: z.string().nullable(),
    occupation: z.string().nullable(),
  }),
  historyNumber: z.string().nullable(),
  cardNumber: z.string().nullable(),
  admissionDecisionDate: z.string().nullable(),
  ceremonyDate: z.string().nullable(),
  officialDate: z.string().nullable(),
  leftDate: z.string().nullable(),
  /** R-REC-07: party age counts from the admission decision date (whole years, today). */
  partyAgeYears: z.number().int().nullable(),
  posts: z.array(z.object({ title: z.string(), since: z.string().nullable() })),
  timeline: z.array(ZMemberEvent),
});
export type MemberDetail = z.infer<typeof ZMemberDetail>;
