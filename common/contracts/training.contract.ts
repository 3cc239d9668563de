import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion, zPage, zRequiredText } from './common.contract.ts';

/**
 * Courses by kind: lớp bồi dưỡng nhận thức về Đảng, lớp đảng viên mới, lý luận chính trị, học tập nghị quyết, khác.
 * The plan (Kế hoạch 99-KH/HU III.4) requires learning to be assessed after every course.
 */
export const COURSE_KINDS = ['party_awareness', 'new_member', 'political_theory', 'resolution_study', 'other'] as const;
export const ZCourseKind = z.enum(COURSE_KINDS);
export type CourseKind = z.infer<typeof ZCourseKind>;

export const ZSessionCount = z.number().int().min(1).max(200);

export const ZCreateClass = z.strictObject({
  courseKind: ZCourseKind,
  name: zRequiredText(200),
  /** The organizing party organization, in the actor's scope. */
  organizationId: ZId,
  /** The institution that issues the certificates, e.g. "Trung tâm Chính trị xã Lạc Dương". */
  institution: zRequiredText(200),
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  sessionCount: ZSessionCount,
});
export type CreateClassInput = z.infer<typeof ZCreateClass>;

export const ZUpdateClass = z.strictObject({
  name: zRequiredText(200),
  institution: zRequiredText(200),
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  sessionCount: ZSessionCount,
  version: ZVersion,
});
export type UpdateClassInput = z.infer<typeof ZUpdateClass>;

export const ZClassListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  courseKind: ZCourseKind.optional(),
  /** Classes starting in this year. */
  year: z.coerce.number().int().min(1950).max(2100).optional(),
});

export const ZClassListItem = z.object({
  id: z.number().int(),
  courseKind: ZCourseKind,
  name: z.string(),
  organization: z.object({ id: z.number().int(), name: z.string() }),
  institution: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  sessionCount: z.number().int(),
  enrolled: z.number().int(),
  passed: z.number().int(),
  certified: z.number().int(),
});
export const ZClassList = zPage(ZClassListItem);
export type ClassList = z.infer<typeof ZClassList>;

/** A score 0–10 with at most one decimal (stored as tenths). */
export const ZScore = z
  .number()
  .min(0)
  .max(10)
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, { message: 'one_decimal' });

export const ZEnrol = z.strictObject({ personId: ZId });

/** Inline entry on the class page: attendance and the end-of-course score; null clears a value. */
export const ZUpdateEnrolment = z.strictObject({
  attendedSessions: z.number().int().min(0).max(200).nullable().optional(),
  score: ZScore.nullable().optional(),
  version: ZVersion,
});
export type UpdateEnrolmentInput = z.infer<typeof ZUpdateEnrolment>;

export const ZEnrolmentResult = z.enum(['pass', 'fail']);
export type EnrolmentResult = z.infer<typeof ZEnrolmentResult>;

export const ZCertificate = z.object({
  id: z.number().int(),
  courseKind: ZCourseKind,
  number: z.string(),
  issuedOn: z.string(),
  /** Null when the certificate does not expire. */
  validUntil: z.string().nullable(),
  institution: z.string(),
});
export type Certificate = z.infer<typeof ZCertificate>;

export const ZLearnerKind = z.enum(['candidate', 'member', 'other']);

export const ZEnrolment = z.object({
  id: z.number().int(),
  version: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  learnerKind: ZLearnerKind,
  /** The cell of the candidacy or membership, when in the actor's scope. */
  organizationName: z.string().nullable(),
  attendedSessions: z.number().int().nullable(),
  score: z.number().nullable(),
  /** Null until both attendance and score are entered. */
  result: ZEnrolmentResult.nullable(),
  certificate: ZCertificate.omit({ courseKind: true, institution: true }).nullable(),
});
export type Enrolment = z.infer<typeof ZEnrolment>;

/** The pass thresholds in force (configurable, unverified: the UI says so). */
export const ZPassRule = z.object({
  ruleId: z.string(),
  minScore: z.number(),
  minAttendancePercent: z.number(),
  confidence: z.enum(['V', 'V-old', 'S', 'U']),
  source: z.string(),
});
export type PassRule = z.infer<typeof ZPassRule>;

export const ZClassDetail = z.object({
  id: z.number().int(),
  version: z.number().int(),
  courseKind: ZCourseKind,
  name: z.string(),
  organization: z.object({ id: z.number().int(), name: z.string() }),
  institution: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  sessionCount: z.number().int(),
  /** Months a certificate of this course stays valid; null = no expiry (R-ADM-04 sets 60 for party_awareness). */
  certificateValidityMonths: z.number().int().nullable(),
  passRule: ZPassRule,
  enrolments: z.array(ZEnrolment),
});
export type ClassDetail = z.infer<typeof ZClassDetail>;

/** Name or citizen id; one that may carry a citizen id goes in the body of POST /api/training/learners/search. */
export const ZLearnerQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const ZLearnerSearchBody = ZLearnerQuery.strict();
export const ZLearnerOptions = z.object({
  items: z.array(
    z.object({
      personId: z.number().int(),
      fullName: z.string(),
      birthDate: z.string(),
      learnerKind: ZLearnerKind,
      organizationName: z.string(),
    }),
  ),
});

/** A certificate number suffix as written after the sequence: "125/GCN-TTCT" → "GCN-TTCT". */
export const ZCertificateSuffix = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}./-]*$/u, { message: 'certificate_suffix' });

export const ZIssueCertificates = z.strictObject({
  issuedOn: ZIsoDate,
  suffix: ZCertificateSuffix,
  /** The first sequence number; default: the institution's next free number in the issue year. */
  firstNumber: z.number().int().min(1).max(999_999).optional(),
  /** Default: every passed learner of the class without a certificate. */
  enrolmentIds: z.array(ZId).min(1).max(500).optional(),
});
export type IssueCertificatesInput = z.infer<typeof ZIssueCertificates>;

export const ZNextNumberQuery = z.object({ issuedOn: ZIsoDate });
export const ZNextNumber = z.object({ year: z.number().int(), nextNumber: z.number().int() });

export const ZPersonIdParams = z.object({ personId: ZId });
export const ZPersonCertificates = z.object({ items: z.array(ZCertificate) });

