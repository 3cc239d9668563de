import { z } from 'zod';
import { LEAVING_CAUSES, REMOVAL_FORMS, STRUCK_OFF_GROUNDS } from '../rules/removal-rules.ts';
import { ZId, ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';
import { ZFlagKind, ZFlagRuleId, ZOrgRef, ZRuleCheckView } from './screening.contract.ts';

// Removal cases (issue 5 item 4; rules.md R-RMV-03…05, R-ADM-09, R-ADM-14, R-ADM-15, R-DIS-01, R-MGT-08): name
// removal (xóa tên), release at the member's request (cho ra khỏi Đảng) and expulsion through a discipline referral
// (khai trừ), each a workflow: status union, decisions appended, compare-and-set on `version`.

export const ZRemovalForm = z.enum(REMOVAL_FORMS);
export type RemovalFormView = z.infer<typeof ZRemovalForm>;
export const ZStruckOffGround = z.enum(STRUCK_OFF_GROUNDS);
export const ZLeavingCause = z.enum(LEAVING_CAUSES);

export const REMOVAL_STATUSES = ['self_review', 'cell_vote', 'decision', 'card_collection', 'removed', 'not_removed', 'withdrawn'] as const;
export const ZRemovalStatus = z.enum(REMOVAL_STATUSES);
export type RemovalStatus = z.infer<typeof ZRemovalStatus>;
export const CLOSED_REMOVAL_STATUSES: readonly RemovalStatus[] = ['removed', 'not_removed', 'withdrawn'];

export const REMOVAL_ACTIONS = ['record_request', 'record_self_review', 'record_vote', 'record_decision', 'collect_card', 'withdraw', 'download_decision'] as const;
export const ZRemovalAction = z.enum(REMOVAL_ACTIONS);
export type RemovalActionName = z.infer<typeof ZRemovalAction>;

export const DISCIPLINE_OUTCOMES = ['no_discipline', 'reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export const ZDisciplineOutcome = z.enum(DISCIPLINE_OUTCOMES);

// ---------------------------------------------------------------- requests

export const ZOpenRemovalCase = z
  .object({
    memberId: ZId,
    form: ZRemovalForm,
    /** Name removal: the grounds on record (R-RMV-01/02). */
    grounds: z.array(ZStruckOffGround).max(STRUCK_OFF_GROUNDS.length).default([]),
    /** Release: the member's written request (R-RMV-04). */
    requestedOn: ZIsoDate.optional(),
    requestRef: zText(200),
    /** Expulsion: the discipline referral it concludes. */
    referralId: ZId.optional(),
    openedOn: ZIsoDate.optional(),
    note: zText(1000),
  })
  .strict();
export type OpenRemovalCaseInput = z.infer<typeof ZOpenRemovalCase>;

export const REQUEST_METHODS = ['in_person', 'letter', 'phone', 'other'] as const;
export const ZRecordRequest = z.object({ sentOn: ZIsoDate, method: z.enum(REQUEST_METHODS), note: zText(1000), version: ZVersion }).strict();
export type RecordRequestInput = z.infer<typeof ZRecordRequest>;

export const ZRecordSelfReview = z.object({ on: ZIsoDate, note: zText(1000), version: ZVersion }).strict();
export type RecordSelfReviewInput = z.infer<typeof ZRecordSelfReview>;

const count = z.number().int().min(0).max(10_000);
export const ZRecordVote = z
  .object({
    meetingDate: ZIsoDate,
    meetingId: ZId.optional(),
    approve: count,
    reject: count,
    abstain: count.default(0),
    /** Exempted members who attended and voted (R-ADM-09 counts them); read from the meeting's sheet when it has one. */
    presentExemptedMemberIds: z.array(ZId).max(500).default([]),
    version: ZVersion,
  })
  .strict();
export type RecordVoteInput = z.infer<typeof ZRecordVote>;

export const ZRecordDecision = z
  .object({
    decidedOn: ZIsoDate,
    /** false: the competent body decided not to remove. */
    removes: z.boolean(),
    decisionNumber: zText(60),
    signerName: zText(120),
    signerTitle: zText(120),
    /** Expulsion: the reference of the discipline decision (required). */
    disciplineDecisionRef: zText(200),
    leavingCause: ZLeavingCause.optional(),
    familyHardship: z.boolean().optional(),
    note: zText(1000),
    version: ZVersion,
  })
  .strict();
export type RecordDecisionInput = z.infer<typeof ZRecordDecision>;

export const ZCollectCard = z.object({ on: ZIsoDate, note: zText(1000), version: ZVersion }).strict();
export type CollectCardInput = z.infer<typeof ZCollectCard>;

export const ZWithdrawCase = z.object({ on: ZIsoDate, reason: zRequiredText(1000), version: ZVersion }).strict();
export type WithdrawCaseInput = z.infer<typeof ZWithdrawCase>;

export const ZVoteBaseQuery = z.object({ date: ZIsoDate, meetingId: ZId.optional() });

export const ZRemovalListQuery = z.object({
  organizationId: ZId,
  status: z.enum(['open', 'closed', 'all']).default('open'),
  form: ZRemovalForm.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type RemovalListQuery = z.infer<typeof ZRemovalListQuery>;

/** Name, citizen id or card number; one that may carry a citizen id goes in the body of POST /api/removal/member-options/search. */
export const ZMemberOptionsQuery = z.object({ organizationId: ZId.optional(), q: z.string().max(100).optional() });
export const ZMemberOptionsSearchBody = ZMemberOptionsQuery.strict();

export const ZCreateReferral = z
  .object({ memberId: ZId, referredOn: ZIsoDate, reference: zText(200), description: zRequiredText(1000), warrantsExpulsion: z.boolean() })
  .strict();
export type CreateReferralInput = z.infer<typeof ZCreateReferral>;
export const ZConcludeReferral = z.object({ concludedOn: ZIsoDate, outcome: ZDisciplineOutcome, conclusionRef: zText(200), version: ZVersion }).strict();
export type ConcludeReferralInput = z.infer<typeof ZConcludeReferral>;

// ---------------------------------------------------------------- responses

export const ZVoteBaseView = z.object({
  date: z.string(),
  base: z.number().int(),
  official: z.number().int(),
  probationary: z.number().int(),
  temporarilyTransferredOut: z.number().int(),
  absentExempted: z.number().int(),
  presentVoters: z.number().int(),
  /** Whether attendance was read from the meeting's sheet. */
  fromMeetingSheet: z.boolean(),
  exemptedMembers: z.array(z.object({ id: z.number().int(), fullName: z.string(), attended: z.boolean() })),
  transferredOutMembers: z.array(z.object({ id: z.number().int(), fullName: z.string() })),
});
export type VoteBaseView = z.infer<typeof ZVoteBaseView>;

export const ZReferral = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string() }),
  organization: ZOrgRef,
  flagId: z.number().int().nullable(),
  referredOn: z.string(),
  reference: z.string().nullable(),
  description: z.string(),
  warrantsExpulsion: z.boolean(),
  concludedOn: z.string().nullable(),
  outcome: ZDisciplineOutcome.nullable(),
  conclusionRef: z.string().nullable(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof ZReferral>;
export const ZReferralList = z.object({ items: z.array(ZReferral) });

export const ZRemovalSummary = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), fullName: z.string(), birthDate: z.string() }),
  organization: ZOrgRef,
  form: ZRemovalForm,
  status: ZRemovalStatus,
  grounds: z.array(ZStruckOffGround),
  openedOn: z.string(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type RemovalSummary = z.infer<typeof ZRemovalSummary>;
export const ZRemovalList = z.object({ organization: ZOrgRef, items: z.array(ZRemovalSummary) });
export type RemovalList = z.infer<typeof ZRemovalList>;

export const ZRemovalCase = ZRemovalSummary.extend({
  member: z.object({
    id: z.number().int(),
    fullName: z.string(),
    birthDate: z.string(),
    status: z.string(),
    cardNumber: z.string().nullable(),
    organization: ZOrgRef,
  }),
  leavingCause: ZLeavingCause,
  familyHardship: z.boolean(),
  flag: z.object({ id: z.number().int(), ruleId: ZFlagRuleId, kind: ZFlagKind, period: z.string() }).nullable(),
  referral: ZReferral.nullable(),
  requestedOn: z.string().nullable(),
  requestRef: z.string().nullable(),
  selfReviewedOn: z.string().nullable(),
  requests: z.array(z.object({ id: z.number().int(), sentOn: z.string(), method: z.string(), note: z.string().nullable() })),
  vote: z
    .object({ meetingDate: z.string(), meetingId: z.number().int().nullable(), approve: z.number().int(), reject: z.number().int(), abstain: z.number().int(), base: ZVoteBaseView })
    .nullable(),
  /** R-ADM-14: the body that decided, or the one that would decide today. */
  competentBody: ZOrgRef.nullable(),
  competentBodyDecided: z.boolean(),
  decisionNumber: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  disciplineDecisionRef: z.string().nullable(),
  cardCollectedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  /** The rules the case is judged by now, green and red. */
  checklist: z.array(ZRuleCheckView),
  allowedActions: z.array(ZRemovalAction),
  decisions: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      effectiveOn: z.string(),
      checks: z.array(ZRuleCheckView),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
  version: z.number().int(),
});
export type RemovalCase = z.infer<typeof ZRemovalCase>;

export const ZRemovalMemberOptions = z.object({
  items: z.array(
    z.object({ id: z.number().int(), fullName: z.string(), birthDate: z.string(), status: z.string(), organization: ZOrgRef, openCaseId: z.number().int().nullable() }),
  ),
});

export const ZReadmission = z.object({
  memberId: z.number().int(),
  /** false for a member still in the party (nothing to show). */
  applicable: z.boolean(),
  status: z.string(),
  leftOn: z.string().nullable(),
  cause: ZLeavingCause.nullable(),
  /** The cause comes from a removal case; false: the member left by a bare status change and the cause is not known. */
  causeOnRecord: z.boolean(),
  removalCaseId: z.number().int().nullable(),
  readmittedBefore: z.boolean(),
  eligibility: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('eligible_from'), from: z.string(), needs: z.literal('provincial_standing_committee_agreement') }),
      z.object({ status: z.literal('never'), reason: z.string() }),
      z.object({ status: z.literal('pending'), reason: z.string() }),
    ])
    .nullable(),
  check: ZRuleCheckView.nullable(),
});
export type Readmission = z.infer<typeof ZReadmission>;
