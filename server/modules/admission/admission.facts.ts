import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  ZDocumentRef,
  ZEducationException,
  ZMassOrganizationRef,
  ZReadmission,
  ZRelative,
} from '../../../common/contracts/admission.contract.ts';
import { ZAuthority, type Authority } from '../../../common/contracts/organizations.contract.ts';
import {
  EDUCATION_LEVELS,
  type Certificate,
  type DocumentRef,
  type EducationLevel,
  type MemberStanding,
} from '../../../common/rules/admission-rules.ts';
import type { CellRollEntry } from '../../../common/rules/admission-vote.ts';
import {
  INITIAL_ADMISSION_STATE,
  type AdmissionAction,
  type AdmissionDecision,
  type AdmissionFacts,
  type AdmissionState,
  type Ceremony,
  type CellResolution,
  type GrassrootsResolution,
  type RecognitionDecision,
  type RecognitionVote,
} from '../../../common/rules/admission-workflow.ts';
import { ADMISSION_RULE_SETS } from '../../../common/rules/default-rule-sets.ts';
import type { IsoDate } from '../../../common/rules/iso-date.ts';
import { competentBodyFor } from '../../../common/rules/organization-tree.ts';
import type { Database } from '../../db/schema.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { exemptMemberIdsOfCellOn } from '../exemptions/exemptions.repo.ts';
import { ancestorChainAsOf, type ChainLink } from '../organizations/organizations.repo.ts';
import { listTemporaryTransfersOutOfCell } from '../transfers/transfers.repo.ts';
import { findCertificates } from '../training/training.repo.ts';
import * as repo from './admission.repo.ts';

// Loads everything decideAdmission reads for one case (AdmissionFacts), from the case row, its facts tables, the
// decisions log (the accepted actions are the record of resolutions, decisions and the ceremony), the member timeline
// (standing and roll as of a date), the training certificates and the organization tree as of the decision date.

type Q = Kysely<Database>;

// ---------------------------------------------------------------- JSON columns (text parsed by Zod, principle 9)

function parseJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    return fallback;
  }
}

const ZState = z.object({
  status: z.string(),
  decisionExtensionWorkingDays: z.number().nullable(),
  recognitionExtensionWorkingDays: z.number().nullable(),
  failedRecognitionVotes: z.number(),
  recognitionProposal: z.enum(['recognize', 'propose_name_removal', 'refer_to_superior']).nullable(),
  endReason: z.string().nullable(),
});

export function stateOf(row: { state: string }): AdmissionState {
  return parseJson(ZState, row.state, INITIAL_ADMISSION_STATE) as AdmissionState;
}

export const docOf = (text: string | null): DocumentRef | null => parseJson(ZDocumentRef.nullable(), text, null);
export const relativesOf = (text: string) => parseJson(z.array(ZRelative), text, []);
export const massOrganizationsOf = (text: string) => parseJson(z.array(ZMassOrganizationRef), text, []);
export const educationExceptionOf = (text: string | null) => parseJson(ZEducationException.nullable(), text, null);
export const readmissionOf = (text: string | null) => parseJson(ZReadmission.nullable(), text, null);
export const educationLevelOf = (s: string): EducationLevel => ((EDUCATION_LEVELS as readonly string[]).includes(s) ? (s as EducationLevel) : 'none');
export const authorityOf = (text: string): Authority => parseJson(ZAuthority, text, { admission: false, recognition: false, removal: false });

/** The action as stored in admission_decisions.action: the domain action plus what the documents need. */
export interface StoredAction {
  type: AdmissionAction['type'] | 'overdue_marked';
  [k: string]: unknown;
}

export function parseAction(text: string): StoredAction {
  try {
    const v = JSON.parse(text) as StoredAction;
    return typeof v === 'object' && v !== null && typeof v.type === 'string' ? v : { type: 'overdue_marked' };
  } catch {
    return { type: 'overdue_marked' };
  }
}

/** The last accepted action of a type (the record of that step). */
export function lastAction<T>(decisions: readonly { action_type: string; action: string }[], type: string, key: string): T | null {
  for (let i = decisions.length - 1; i >= 0; i--) {
    if (decisions[i].action_type === type) return (parseAction(decisions[i].action)[key] as T) ?? null;
  }
  return null;
}

// ---------------------------------------------------------------- the member timeline as of a date

export interface TimelineMember {
  id: number;
  person_id: number;
  status: string;
  organization_id: number;
  admission_decision_date: string | null;
  official_date: string | null;
  left_date: string | null;
  full_name: string;
}

type TimelineEvent = { member_id: number; event_date: string; to_status: string | null; to_organization_id: number | null };

/**
 * Where a member was and with what status on `date`, replaying the timeline (architecture principle 7: status and
 * organization on `members` are projections of the events); members without events fall back to the row's dates.
 */
export function memberOn(m: TimelineMember, events: readonly TimelineEvent[], date: IsoDate): { organizationId: number; status: string } | null {
  const own = events.filter((e) => e.member_id === m.id);
  if (own.length === 0) {
    if (m.admission_decision_date && m.admission_decision_date > date) return null;
    if (m.left_date && m.left_date <= date) return null;
    const status = m.official_date && m.official_date <= date ? 'official' : m.status === 'official' || m.status === 'probationary' ? 'probationary' : m.status;
    return { organizationId: m.organization_id, status };
  }
  let org: number | null = null;
  let status: string | null = null;
  for (const e of own) {
    if (e.event_date > date) break;
    if (e.to_organization_id !== null) org = e.to_organization_id;
    if (e.to_status !== null) status = e.to_status;
  }
  if (status === null) return null;
  return { organizationId: org ?? m.organization_id, status };
}

export function standingOf(on: { status: string } | null): MemberStanding {
  return on?.status === 'official' ? 'official' : on?.status === 'probationary' ? 'probationary' : 'not_a_member';
}

export interface RollMember {
  memberId: number;
  personId: number;
  fullName: string;
  standing: 'official' | 'probationary';
  /** Exempted from activities on the date by an exemption the cell recorded (R-MGT-02). */
  exemptedOnRecord: boolean;
  /** Away on a recorded temporary transfer on the date (R-MGT-06). */
  transferredOutOnRecord: boolean;
}

/** The cell's own roll on `date`: members recorded in it then, official or probationary (R-ADM-09, R-REC-02). */
export async function cellRollOn(db: Q, cellId: number, date: IsoDate, excludePersonId?: number): Promise<RollMember[]> {
  const members = await repo.listMembersEverInCell(db, cellId);
  const events = await repo.listTimelineEvents(
    db,
    members.map((m) => m.id),
  );
  const out: RollMember[] = [];
  for (const m of members) {
    if (m.person_id === excludePersonId) continue;
    const on = memberOn(m, events, date);
    if (!on || on.organizationId !== cellId) continue;
    if (on.status !== 'official' && on.status !== 'probationary') continue;
    out.push({ memberId: m.id, personId: m.person_id, fullName: m.full_name, standing: on.status, exemptedOnRecord: false, transferredOutOnRecord: false });
  }
  // The exemptions and temporary transfers of issue 4, through the functions those modules export for others.
  const [exempted, away] = await Promise.all([
    exemptMemberIdsOfCellOn(db, cellId, date, 'activities', ['official', 'probationary']),
    listTemporaryTransfersOutOfCell(db, cellId, date),
  ]);
  const exemptedIds = new Set(exempted);
  const awayIds = new Set(away.map((a) => a.member_id));
  return out.map((r) => ({ ...r, exemptedOnRecord: exemptedIds.has(r.memberId), transferredOutOnRecord: awayIds.has(r.memberId) }));
}

/** Standing of members on a date (introducers, helpers). */
export async function standingsOn(db: Q, memberIds: number[], date: IsoDate): Promise<Map<number, MemberStanding>> {
  const members = await repo.findMembersByIds(db, memberIds);
  const events = await repo.listTimelineEvents(db, memberIds);
  return new Map(members.map((m) => [m.id, standingOf(memberOn(m, events, date))]));
}

/** The roll of a meeting as decideAdmission reads it, from the marks entered with the vote. */
export function markRoll(
  roll: readonly RollMember[],
  marks: { presentMemberIds: number[]; temporarilyTransferredOutMemberIds: number[]; exemptedMemberIds: number[] },
) {
  const present = new Set(marks.presentMemberIds);
  const out = new Set(marks.temporarilyTransferredOutMemberIds);
  const exempted = new Set(marks.exemptedMemberIds);
  return roll.map((m) => ({
    memberId: m.memberId,
    personId: m.personId,
    fullName: m.fullName,
    standing: m.standing,
    // What is on record counts even when the form left it unticked; what is not yet recorded can be entered with the vote.
    temporarilyTransferredOut: out.has(m.memberId) || m.transferredOutOnRecord,
    exempted: exempted.has(m.memberId) || m.exemptedOnRecord,
    attended: present.has(m.memberId),
  }));
}

export const toRollEntries = (marked: ReturnType<typeof markRoll>): CellRollEntry[] =>
  marked.map((m) => ({ personId: m.personId, standing: m.standing, temporarilyTransferredOut: m.temporarilyTransferredOut, exempted: m.exempted, attended: m.attended }));

// ---------------------------------------------------------------- the tree (R-ADM-14)

export interface TreeFacts {
  chain: ChainLink[];
  admissionBody: ChainLink | null;
  recognitionBody: ChainLink | null;
  grassrootsCommitteeBetween: boolean;
  deciderIsGrassrootsCommittee: boolean;
}

/** R-ADM-14 (Quy định 294-QĐ/TW): the competent bodies on `date`'s tree, and whether a grassroots committee stands between. */
export async function treeFactsOn(db: Q, cellId: number, date: IsoDate): Promise<TreeFacts> {
  const chain = await ancestorChainAsOf(db, cellId, date);
  const withAuthority = chain.map((c) => ({ ...c, authority: authorityOf(c.authority) }));
  const admission = competentBodyFor(withAuthority, 'admission');
  const recognition = competentBodyFor(withAuthority, 'recognition');
  const upTo = admission ? withAuthority.indexOf(admission) : withAuthority.length;
  const between = withAuthority.slice(1, upTo).some((o) => o.kind === 'grassroots_committee');
  const find = (b: (typeof withAuthority)[number] | null) => (b ? (chain.find((c) => c.organization_id === b.organization_id) ?? null) : null);
  return {
    chain,
    admissionBody: find(admission),
    recognitionBody: find(recognition),
    grassrootsCommitteeBetween: between,
    deciderIsGrassrootsCommittee: admission?.kind === 'grassroots_committee',
  };
}

// ---------------------------------------------------------------- facts

export interface FactDates {
  today: IsoDate;
  /** The date standings and the roll are judged on: the cell meeting date being recorded, else the stored one, else today. */
  judgeDate?: IsoDate;
  /** The admission decision being recorded (its date's tree decides R-ADM-14). */
  admissionDecisionDate?: IsoDate;
  recognitionDecisionDate?: IsoDate;
}

export interface LoadedFacts {
  facts: AdmissionFacts;
  admissionTree: TreeFacts;
  recognitionTree: TreeFacts;
  decisions: Awaited<ReturnType<typeof repo.listDecisions>>;
}

function cellVoteOf(v: { meeting_date: string; roll: string | null; approve: number; reject: number; abstain: number; document: string | null }): CellResolution {
  const roll = parseJson(
    z.array(z.object({ personId: z.number(), standing: z.enum(['official', 'probationary']), temporarilyTransferredOut: z.boolean(), exempted: z.boolean(), attended: z.boolean() })),
    v.roll,
    [],
  );
  return {
    meetingDate: v.meeting_date,
    roll: roll.map((r) => ({ personId: r.personId, standing: r.standing, temporarilyTransferredOut: r.temporarilyTransferredOut, exempted: r.exempted, attended: r.attended })),
    tally: { approve: v.approve, reject: v.reject, abstain: v.abstain },
    document: docOf(v.document),
  };
}

export async function loadFacts(db: Q, kase: repo.LoadedCaseRow, dates: FactDates): Promise<LoadedFacts> {
  const [decisions, votes, verifications, introducers, opinions, helpers, certificates, calendar] = await Promise.all([
    repo.listDecisions(db, kase.id),
    repo.listVotes(db, kase.id),
    repo.listVerifications(db, kase.id),
    repo.listIntroducers(db, kase.id),
    repo.listOpinions(db, kase.id),
    repo.listHelpers(db, kase.id),
    findCertificates(db, kase.person_id),
    loadWorkingCalendar(db),
  ]);
  const latestVote = (kind: string) => [...votes].reverse().find((v) => v.kind === kind) ?? null;
  const cellVote = latestVote('cell_admission');
  const cellResolution = cellVote ? cellVoteOf(cellVote) : null;
  const grassrootsVote = latestVote('grassroots_admission');
  const grassrootsResolution: GrassrootsResolution | null = grassrootsVote
    ? {
        date: grassrootsVote.meeting_date,
        committeeSize: grassrootsVote.committee_size ?? 0,
        tally: { approve: grassrootsVote.approve, reject: grassrootsVote.reject, abstain: grassrootsVote.abstain },
        document: docOf(grassrootsVote.document),
      }
    : null;
  const recognitionVoteRow = latestVote('cell_recognition');
  const recognitionVote: RecognitionVote | null = recognitionVoteRow
    ? { ...cellVoteOf(recognitionVoteRow), motion: recognitionVoteRow.motion === 'propose_name_removal' ? 'propose_name_removal' : 'recognize' }
    : null;
  const decision = lastAction<AdmissionDecision>(decisions, 'decision', 'decision');
  const ceremony = lastAction<Ceremony>(decisions, 'ceremony', 'ceremony');
  const recognitionDecision = lastAction<RecognitionDecision>(decisions, 'recognition_decision', 'decision');

  const judgeDate = dates.judgeDate ?? cellResolution?.meetingDate ?? dates.today;
  const standings = await standingsOn(
    db,
    introducers.map((i) => i.member_id),
    judgeDate,
  );
  const admissionTree = await treeFactsOn(db, kase.cell_id, dates.admissionDecisionDate ?? decision?.date ?? cellResolution?.meetingDate ?? dates.today);
  const recognitionTree = await treeFactsOn(db, kase.cell_id, dates.recognitionDecisionDate ?? recognitionDecision?.date ?? dates.today);

  const facts: AdmissionFacts = {
    ruleSets: ADMISSION_RULE_SETS,
    calendar,
    applicant: {
      personId: kase.person_id,
      name: kase.full_name,
      birthDate: kase.birth_date,
      education: { level: educationLevelOf(kase.education_level), exception: educationExceptionOf(kase.education_exception) },
      isYouthUnionMember: kase.is_youth_union_member === 1,
    },
    over60Agreement: docOf(kase.over60_agreement),
    certificates: certificates
      .filter((c) => c.kind === 'party_awareness' || c.kind === 'new_member')
      .map((c): Certificate => ({ kind: c.kind as Certificate['kind'], issuedOn: c.issuedOn, number: c.number })),
    applicationDate: kase.application_date,
    historyDate: kase.history_date,
    relatives: relativesOf(kase.relatives),
    verifications: verifications.map((v) => ({
      subjectKey: v.subject_key,
      verifierName: v.verifier_name,
      conclusion: v.conclusion === 'clear' || v.conclusion === 'issues_found' ? v.conclusion : null,
      verifiedOn: v.verified_on,
    })),
    introducers: introducers.map((i) => ({
      personId: i.person_id,
      name: i.full_name,
      standing: standings.get(i.member_id) ?? 'not_a_member',
      sameUnit: i.same_unit === 1,
      monthsWithApplicant: i.months_with_applicant,
    })),
    youthUnionResolution: docOf(kase.youth_union_resolution),
    massOrganizations: massOrganizationsOf(kase.mass_organizations),
    opinions: opinions
      .filter((o) => o.phase === 'admission')
      .map((o) => ({ source: o.source as 'mass_organization', organizationKey: o.organization_key, organizationName: o.organization_name, date: o.opinion_date })),
    readmission: readmissionOf(kase.readmission),
    grassrootsCommitteeBetween: admissionTree.grassrootsCommitteeBetween,
    deciderIsGrassrootsCommittee: admissionTree.deciderIsGrassrootsCommittee,
    admissionCompetentBodyId: admissionTree.admissionBody?.organization_id ?? null,
    recognitionCompetentBodyId: recognitionTree.recognitionBody?.organization_id ?? null,
    cellResolution,
    grassrootsResolution,
    decision,
    ceremony,
    memberHistoryCompletedOn: kase.member_history_completed_on,
    helpers: helpers.map((h) => ({
      personId: h.person_id,
      name: h.full_name,
      standingWhenAssigned: h.standing_when_assigned === 'official' ? 'official' : h.standing_when_assigned === 'probationary' ? 'probationary' : 'not_a_member',
      assignedOn: h.assigned_on,
    })),
    selfReviewOn: kase.self_review_on,
    helperAssessmentOn: kase.helper_assessment_on,
    recognitionOpinions: opinions
      .filter((o) => o.phase === 'recognition')
      .map((o) => ({ source: o.source as 'mass_organization', organizationKey: o.organization_key, organizationName: o.organization_name, date: o.opinion_date })),
    recognitionVote,
    recognitionDecision,
  };
  return { facts, admissionTree, recognitionTree, decisions };
}

/** The facts once an accepted action's own record is part of them (for the due dates stored with the new state). */
export function factsAfter(facts: AdmissionFacts, action: AdmissionAction): AdmissionFacts {
  switch (action.type) {
    case 'cell_resolution':
      return { ...facts, cellResolution: action.resolution };
    case 'grassroots_resolution':
      return { ...facts, grassrootsResolution: action.resolution };
    case 'decision':
      return { ...facts, decision: action.decision };
    case 'ceremony':
      return { ...facts, ceremony: action.ceremony };
    case 'cell_recognition_vote':
      return { ...facts, recognitionVote: action.vote };
    case 'recognition_decision':
      return { ...facts, recognitionDecision: action.decision };
    default:
      return facts;
  }
}
