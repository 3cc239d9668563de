import { z } from 'zod';
import { ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';

// A member's conduct outside the party's own discipline (issue 5, item 2; rules.md R-RMV-06, R-DIS-07): violations of
// state discipline or of the law, recorded by the cell from the deciding body's document, and the Fatherland Front's
// yearly opinion on the member's prestige where they live (Quy định 124-QĐ/TW 2018). Party discipline stays on the
// discipline referrals (removal) and is shown here read-only.

export const VIOLATION_KINDS = ['state_discipline', 'law_violation'] as const;
export const ZViolationKind = z.enum(VIOLATION_KINDS);
export type ViolationKind = z.infer<typeof ZViolationKind>;

/** Luật Cán bộ, công chức 2008 Art. 79 and Luật Viên chức 2010 Art. 52: the state's disciplinary forms. */
export const STATE_DISCIPLINE_FORMS = ['reprimand', 'warning', 'demotion', 'dismissal', 'forced_resignation'] as const;
/** Luật Xử lý vi phạm hành chính 2012 (an administrative sanction) and a criminal court's judgment. */
export const LAW_VIOLATION_FORMS = ['administrative_sanction', 'criminal_conviction'] as const;
export const VIOLATION_FORMS = [...STATE_DISCIPLINE_FORMS, ...LAW_VIOLATION_FORMS] as const;
export const ZViolationForm = z.enum(VIOLATION_FORMS);
export type ViolationForm = z.infer<typeof ZViolationForm>;

/** The forms each kind of violation may take (a form of the other kind is refused with a field error). */
export const FORMS_OF_KIND: Record<ViolationKind, readonly ViolationForm[]> = {
  state_discipline: STATE_DISCIPLINE_FORMS,
  law_violation: LAW_VIOLATION_FORMS,
};

export function isFormOfKind(kind: ViolationKind, form: ViolationForm): boolean {
  return FORMS_OF_KIND[kind].includes(form);
}

/** The same scale as the residence cell's opinion (R-MGT-07). */
export const FRONT_RATINGS = ['good', 'average', 'low'] as const;
export const ZFrontRating = z.enum(FRONT_RATINGS);
export type FrontRating = z.infer<typeof ZFrontRating>;

/** 1930: the party's founding; the upper bound (the current year) is checked by the service against its clock. */
export const ZConductYear = z.number().int().min(1930).max(2100);

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

// ---------------------------------------------------------------- violations

const violationFields = {
  kind: ZViolationKind,
  /** The day the deciding body decided; not after today. */
  decidedOn: ZIsoDate,
  /** The body, as written on its document: 'UBND xã Hiệp Thạnh', 'TAND tỉnh Lâm Đồng'. */
  decidedBy: zRequiredText(200),
  /** The document's number and symbol: '125/QĐ-UBND'. */
  reference: zRequiredText(100),
  form: ZViolationForm,
  description: zRequiredText(2000),
};
export const ZCreateViolation = z.object(violationFields);
export type CreateViolationInput = z.infer<typeof ZCreateViolation>;
export const ZUpdateViolation = z.object({ ...violationFields, version: ZVersion });
export type UpdateViolationInput = z.infer<typeof ZUpdateViolation>;

export const ZViolationRecord = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  /** The member's cell when it was recorded. */
  organization: ZOrgRef,
  kind: ZViolationKind,
  decidedOn: z.string(),
  decidedBy: z.string(),
  reference: z.string(),
  form: ZViolationForm,
  description: z.string(),
  version: z.number().int(),
});
export type ViolationRecord = z.infer<typeof ZViolationRecord>;

// ---------------------------------------------------------------- Front opinions

const frontOpinionFields = {
  year: ZConductYear,
  rating: ZFrontRating,
  comments: zText(4000),
  /** In or after the year it is about; not after today. */
  givenOn: ZIsoDate,
  /** As signed: 'Ban công tác Mặt trận khu dân cư thôn 2'. */
  givenBy: zRequiredText(200),
};
export const ZCreateFrontOpinion = z.object(frontOpinionFields);
export type CreateFrontOpinionInput = z.infer<typeof ZCreateFrontOpinion>;
export const ZUpdateFrontOpinion = z.object({ ...frontOpinionFields, version: ZVersion });
export type UpdateFrontOpinionInput = z.infer<typeof ZUpdateFrontOpinion>;

export const ZFrontOpinion = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  organization: ZOrgRef,
  year: z.number().int(),
  rating: ZFrontRating,
  comments: z.string().nullable(),
  givenOn: z.string(),
  givenBy: z.string(),
  version: z.number().int(),
});
export type FrontOpinion = z.infer<typeof ZFrontOpinion>;

// ---------------------------------------------------------------- party discipline (read-only, from the referrals)

/**
 * R-DIS-01: the outcomes of a discipline referral, as removal.contract.ts's DISCIPLINE_OUTCOMES (repeated, not imported:
 * removal's contract imports screening's, which may read this one; conduct.routes.test.ts asserts the two lists are the same).
 */
export const PARTY_DISCIPLINE_OUTCOMES = ['no_discipline', 'reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export const ZPartyDisciplineOutcome = z.enum(PARTY_DISCIPLINE_OUTCOMES);

export const ZPartyDiscipline = z.object({
  referralId: z.number().int(),
  referredOn: z.string(),
  reference: z.string().nullable(),
  description: z.string(),
  /** pending: referred, not concluded yet. */
  status: z.enum(['pending', 'concluded']),
  concludedOn: z.string().nullable(),
  outcome: ZPartyDisciplineOutcome.nullable(),
  conclusionRef: z.string().nullable(),
});
export type PartyDiscipline = z.infer<typeof ZPartyDiscipline>;

export const ZMemberConduct = z.object({
  member: z.object({ id: z.number().int(), fullName: z.string() }),
  /** Newest first. */
  violations: z.array(ZViolationRecord),
  /** Newest year first. */
  frontOpinions: z.array(ZFrontOpinion),
  /** The member's discipline referrals, newest first: pending ones and concluded ones (with their outcome). */
  partyDiscipline: z.array(ZPartyDiscipline),
});
export type MemberConduct = z.infer<typeof ZMemberConduct>;

/** Conduct in one year, beside a member's grading (issue 5 item 1: "kỷ luật trong năm"). */
export const ZYearConduct = z.object({
  year: z.number().int(),
  /** Party discipline concluded in the year with a disciplinary form (not 'no_discipline'). */
  partyDiscipline: z.array(ZPartyDiscipline),
  /** Violations decided in the year. */
  violations: z.array(ZViolationRecord),
  /** The Front's opinion of the year, null when none was given. */
  frontOpinion: ZFrontOpinion.nullable(),
});
export type YearConduct = z.infer<typeof ZYearConduct>;
