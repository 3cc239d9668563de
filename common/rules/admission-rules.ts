// Conditions on the person and the file before a cell considers admission (docs/rules.md R-ADM-01…08, 14, 15).
// Each check takes the rule-set params in force on its event date (the caller looks them up with paramsInForce)
// and answers RuleChecks whose facts are the evidence shown on the case page.
import { addMonths, ageInFullYears, monthsBetween, type IsoDate } from './iso-date.ts';
import { fail, pass, type RuleCheck } from './rule-check.ts';

/** A party document is identified by number + date + issuer: numbers restart every term (docs/rules.md). */
export interface DocumentRef {
  number: string;
  date: IsoDate;
  issuer: string;
}

/** A person's standing in the party on a given date (introducers, helpers, voters). */
export type MemberStanding = 'official' | 'probationary' | 'not_a_member';

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const isBlank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-01 / R-ADM-02: age

export interface AdmissionAgeParams {
  minMonths: number;
  maxMonths: number;
}

/**
 * R-ADM-01 (Quy định 294-QĐ/TW §1.1.1): 18y0m to 60y0m on the cell meeting date, in whole calendar months, the day
 * ignored. R-ADM-02 (Hướng dẫn 01-HD/TW §1.1): older only with the provincial agreement, dated by the meeting.
 */
export function checkAdmissionAge(
  birthDate: IsoDate,
  meetingDate: IsoDate,
  params: AdmissionAgeParams,
  provincialAgreement: DocumentRef | null = null,
): RuleCheck {
  const months = monthsBetween(birthDate, meetingDate);
  const facts = {
    birthDate,
    meetingDate,
    months,
    age: { years: Math.floor(months / 12), months: months % 12 },
    minMonths: params.minMonths,
    maxMonths: params.maxMonths,
  };
  if (months < params.minMonths) return fail('R-ADM-01', 'under_minimum_age', facts);
  if (months <= params.maxMonths) return pass('R-ADM-01', 'ok', facts);
  if (provincialAgreement === null) return fail('R-ADM-02', 'over_maximum_age_without_provincial_agreement', facts);
  if (provincialAgreement.date > meetingDate) {
    return fail('R-ADM-02', 'provincial_agreement_after_meeting', { ...facts, provincialAgreement });
  }
  return pass('R-ADM-02', 'over_maximum_age_with_provincial_agreement', { ...facts, provincialAgreement });
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-03: education

/** General education attained, in order: primary (5/12, 4/10), lower secondary (9/12, 7/10), upper secondary (12/12, 10/10). */
export const EDUCATION_LEVELS = ['none', 'primary', 'lower_secondary', 'upper_secondary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Areas and occupations where primary school suffices (Quy định 294-QĐ/TW §1.2.1). */
export const EDUCATION_EXCEPTION_GROUNDS = ['mountain_area', 'border_area', 'island_area', 'ethnic_minority_area', 'sea_fisher'] as const;
export type EducationExceptionGround = (typeof EDUCATION_EXCEPTION_GROUNDS)[number];

export interface EducationException {
  ground: EducationExceptionGround;
  recordedOn: IsoDate;
  /** Why the ground applies (place of residence, boat, …): the exception must be recorded, not assumed. */
  note: string;
}

export interface EducationFacts {
  level: EducationLevel;
  exception: EducationException | null;
}

export interface EducationParams {
  minLevel: EducationLevel;
  exceptionMinLevel: EducationLevel;
  exceptionGrounds: readonly string[];
}

/**
 * The level of a general-education grade as written in personal histories ('9/12'): the 12-year system, or the
 * 10-year system of the North before the 1981 reform (primary ended with grade 4, lower secondary with grade 7).
 */
export function educationLevelOfGrade(grade: number, scale: 10 | 12): EducationLevel {
  const [primary, lower, upper] = scale === 12 ? [5, 9, 12] : [4, 7, 10];
  if (!Number.isInteger(grade) || grade < 0 || grade > upper) throw new RangeError(`Not a grade of ${scale}: ${grade}`);
  if (grade >= upper) return 'upper_secondary';
  if (grade >= lower) return 'lower_secondary';
  if (grade >= primary) return 'primary';
  return 'none';
}

const levelRank = (level: EducationLevel) => EDUCATION_LEVELS.indexOf(level);

/** R-ADM-03 (Quy định 294-QĐ/TW §1.2.1): lower secondary or higher; primary with a recorded exception ground. */
export function checkEducation(education: EducationFacts, params: EducationParams): RuleCheck {
  const facts = { level: education.level, minLevel: params.minLevel, exception: education.exception };
  if (levelRank(education.level) >= levelRank(params.minLevel)) return pass('R-ADM-03', 'ok', facts);
  const exception = education.exception;
  if (exception === null) return fail('R-ADM-03', 'below_minimum_education', facts);
  if (!params.exceptionGrounds.includes(exception.ground)) return fail('R-ADM-03', 'exception_ground_not_allowed', facts);
  if (isBlank(exception.note)) return fail('R-ADM-03', 'exception_not_recorded', facts);
  if (levelRank(education.level) < levelRank(params.exceptionMinLevel)) {
    return fail('R-ADM-03', 'below_exception_minimum_education', { ...facts, exceptionMinLevel: params.exceptionMinLevel });
  }
  return pass('R-ADM-03', 'ok_with_recorded_exception', facts);
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-04: party-awareness course certificate

export type CertificateKind = 'party_awareness' | 'new_member';

export interface Certificate {
  kind: CertificateKind;
  issuedOn: IsoDate;
  number: string | null;
}

export interface CertificateParams {
  certificateValidityMonths: number;
}

/**
 * The last day a certificate counts: the same day of month `certificateValidityMonths` later, clamped to the month's
 * end (issued 29/2/2020 → valid through 28/2/2025). R-ADM-04 (Hướng dẫn 06-HD/TW §5.4).
 */
export function certificateValidUntil(issuedOn: IsoDate, params: CertificateParams): IsoDate {
  return addMonths(issuedOn, params.certificateValidityMonths);
}

/** The most recent certificate of `kind` issued on or before `onDate`, or null. */
export function latestCertificate(certificates: readonly Certificate[], kind: CertificateKind, onDate: IsoDate): Certificate | null {
  let best: Certificate | null = null;
  for (const c of certificates) {
    if (c.kind === kind && c.issuedOn <= onDate && (best === null || c.issuedOn > best.issuedOn)) best = c;
  }
  return best;
}

/**
 * R-ADM-04 (Hướng dẫn 06-HD/TW §5.4): a party-awareness certificate issued on or before the meeting date and no older
 * than 60 months on it: issued 15/3/2021 counts on 15/3/2026, not on 16/3/2026.
 */
export function checkAwarenessCertificate(certificates: readonly Certificate[], meetingDate: IsoDate, params: CertificateParams): RuleCheck {
  const certificate = latestCertificate(certificates, 'party_awareness', meetingDate);
  if (certificate === null) return fail('R-ADM-04', 'no_certificate', { meetingDate });
  const validUntil = certificateValidUntil(certificate.issuedOn, params);
  const facts = { meetingDate, issuedOn: certificate.issuedOn, number: certificate.number, validUntil, validityMonths: params.certificateValidityMonths };
  return meetingDate <= validUntil ? pass('R-ADM-04', 'ok', facts) : fail('R-ADM-04', 'certificate_expired', facts);
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-05: application before personal history

export interface ApplicationOrderParams {
  /** The forms carry dates, not times: written the same day in order is allowed unless this says otherwise. */
  sameDayAllowed: boolean;
}

/** R-ADM-05 (Hướng dẫn 06-HD/TW §3): the application (Mẫu 1-KNĐ) or the personal history (Mẫu 2-KNĐ) is on file, dated by `onDate`. */
export function checkFormOnFile(form: 'application' | 'personal_history', date: IsoDate | null, onDate: IsoDate): RuleCheck {
  if (date === null) return fail('R-ADM-05', `${form}_missing`, { onDate });
  if (date > onDate) return fail('R-ADM-05', `${form}_dated_later`, { date, onDate });
  return pass('R-ADM-05', `${form}_on_file`, { date });
}

/** R-ADM-05 (Hướng dẫn 06-HD/TW §3): the application (Mẫu 1-KNĐ) is dated before the personal history (Mẫu 2-KNĐ). */
export function checkApplicationBeforeHistory(
  applicationDate: IsoDate | null,
  historyDate: IsoDate | null,
  params: ApplicationOrderParams,
): RuleCheck {
  const facts = { applicationDate, historyDate, sameDayAllowed: params.sameDayAllowed };
  if (applicationDate === null) return fail('R-ADM-05', 'application_missing', facts);
  if (historyDate === null) return fail('R-ADM-05', 'personal_history_missing', facts);
  const inOrder = params.sameDayAllowed ? applicationDate <= historyDate : applicationDate < historyDate;
  return inOrder ? pass('R-ADM-05', 'ok', facts) : fail('R-ADM-05', 'history_before_application', facts);
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-06: introducers

export interface Introducer {
  personId: number;
  name: string;
  /** Standing on the cell meeting date (on today before the meeting is set). */
  standing: MemberStanding;
  /** Worked, studied or lived with the applicant in the same unit. */
  sameUnit: boolean;
  /** Whole months spent with the applicant in that unit, as declared in Mẫu 3-KNĐ. */
  monthsWithApplicant: number;
}

export interface IntroductionFacts {
  introducers: readonly Introducer[];
  /** Resolution of the grassroots Youth Union executive committee introducing the applicant; null on the two-member route. */
  youthUnionResolution: DocumentRef | null;
  applicantIsYouthUnionMember: boolean;
}

export interface IntroducerParams {
  introducerMonthsWithApplicant: number;
  introducersNeeded: number;
  /** Official members needed beside the Youth Union resolution. */
  youthUnionRouteIntroducersNeeded: number;
  /** Youth age, Luật Thanh niên 2020 Art. 1: from full 16 to 30 years (full years, so up to the 31st birthday). */
  youthMinAgeYears: number;
  youthMaxAgeYears: number;
}

/**
 * R-ADM-06 (Điều lệ Đảng Art. 4; Quy định 294-QĐ/TW §3.2.1): one check per introducer (official on the date, same
 * unit, ≥ 12 months with the applicant), then one for the route: two such introducers, or the Youth Union route for a
 * Youth Union member of youth age (a grassroots Youth Union committee resolution plus one such introducer).
 */
export function checkIntroducers(
  intro: IntroductionFacts,
  applicant: { personId: number; birthDate: IsoDate },
  onDate: IsoDate,
  params: IntroducerParams,
): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const qualified = new Set<number>();
  const seen = new Set<number>();
  for (const i of intro.introducers) {
    const facts = {
      personId: i.personId,
      name: i.name,
      standing: i.standing,
      sameUnit: i.sameUnit,
      monthsWithApplicant: i.monthsWithApplicant,
      requiredMonths: params.introducerMonthsWithApplicant,
      onDate,
    };
    let code: string | null = null;
    if (i.personId === applicant.personId) code = 'introducer_is_applicant';
    else if (seen.has(i.personId)) code = 'duplicate_introducer';
    else if (i.standing !== 'official') code = 'introducer_not_official';
    else if (!i.sameUnit) code = 'introducer_not_in_same_unit';
    else if (i.monthsWithApplicant < params.introducerMonthsWithApplicant) code = 'introducer_too_short_with_applicant';
    seen.add(i.personId);
    if (code === null) qualified.add(i.personId);
    checks.push(code === null ? pass('R-ADM-06', 'introducer_ok', facts) : fail('R-ADM-06', code, facts));
  }

  const resolution = intro.youthUnionResolution;
  if (resolution === null) {
    const facts = { route: 'two_members', qualified: qualified.size, needed: params.introducersNeeded };
    checks.push(
      qualified.size >= params.introducersNeeded
        ? pass('R-ADM-06', 'two_official_introducers', facts)
        : fail('R-ADM-06', 'too_few_qualified_introducers', facts),
    );
    return checks;
  }
  const age = ageInFullYears(applicant.birthDate, onDate);
  const facts = {
    route: 'youth_union',
    qualified: qualified.size,
    needed: params.youthUnionRouteIntroducersNeeded,
    youthUnionResolution: resolution,
    applicantIsYouthUnionMember: intro.applicantIsYouthUnionMember,
    age,
    youthMinAgeYears: params.youthMinAgeYears,
    youthMaxAgeYears: params.youthMaxAgeYears,
  };
  let code: string | null = null;
  if (!intro.applicantIsYouthUnionMember) code = 'applicant_not_youth_union_member';
  else if (age < params.youthMinAgeYears || age > params.youthMaxAgeYears) code = 'applicant_not_of_youth_age';
  else if (resolution.date > onDate) code = 'youth_union_resolution_after_date';
  else if (qualified.size < params.youthUnionRouteIntroducersNeeded) code = 'too_few_qualified_introducers';
  checks.push(code === null ? pass('R-ADM-06', 'youth_union_route', facts) : fail('R-ADM-06', code, facts));
  return checks;
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-07: background verification

export type RelativeRelation =
  | 'father'
  | 'mother'
  | 'father_in_law'
  | 'mother_in_law'
  | 'carer'
  | 'spouse'
  | 'child'
  | 'sibling'
  | 'other';

/** A relative as declared in the personal history (Mẫu 2-KNĐ). */
export interface Relative {
  /** Stable key of the relative within the case; 'applicant' is reserved. */
  key: string;
  relation: RelativeRelation;
  name: string;
  birthDate: IsoDate | null;
  isPartyMember: boolean;
  /** The member's own party record declares what the verification would establish. */
  fullyDeclared: boolean;
}

export interface Verification {
  /** 'applicant' or the key of a relative. */
  subjectKey: string;
  verifierName: string | null;
  conclusion: 'clear' | 'issues_found' | null;
  verifiedOn: IsoDate | null;
}

export interface VerificationParams {
  /** Children are verified from this age (Bộ luật Dân sự 2015 Art. 20: adults are 18 full years old). */
  adultAgeYears: number;
}

export const APPLICANT_SUBJECT_KEY = 'applicant';

const ALWAYS_VERIFIED: readonly RelativeRelation[] = ['father', 'mother', 'father_in_law', 'mother_in_law', 'carer', 'spouse'];

/** Whether R-ADM-07 asks for `relative` to be verified on `onDate` (an exempt party member still counts as asked). */
export function needsVerification(relative: Relative, onDate: IsoDate, params: VerificationParams): boolean {
  if (ALWAYS_VERIFIED.includes(relative.relation)) return true;
  if (relative.relation !== 'child') return false;
  // An undeclared birth date cannot show the child is a minor, so the child is verified.
  return relative.birthDate === null || ageInFullYears(relative.birthDate, onDate) >= params.adultAgeYears;
}

/**
 * R-ADM-07 (Hướng dẫn 06-HD/TW §3.4; Kế hoạch 99-KH/HU II.2, the verifier is accountable): one check per person to
 * verify (the applicant, birth parents, parents-in-law or carers, spouse, adult children); a relative who is a party
 * member and fully declared is exempt; every other needs a named verifier and a conclusion dated by `onDate`.
 * A conclusion with issues completes the verification: weighing it is the cell's judgment, shown by the code.
 */
export function checkVerificationComplete(
  applicantName: string,
  relatives: readonly Relative[],
  verifications: readonly Verification[],
  onDate: IsoDate,
  params: VerificationParams,
): RuleCheck[] {
  const subjects: { key: string; relation: RelativeRelation | 'applicant'; name: string; exempt: boolean }[] = [
    { key: APPLICANT_SUBJECT_KEY, relation: 'applicant', name: applicantName, exempt: false },
    ...relatives
      .filter((r) => needsVerification(r, onDate, params))
      .map((r) => ({ key: r.key, relation: r.relation, name: r.name, exempt: r.isPartyMember && r.fullyDeclared })),
  ];
  return subjects.map((s) => {
    const base = { subjectKey: s.key, relation: s.relation, name: s.name };
    if (s.exempt) return pass('R-ADM-07', 'exempt_party_member', base);
    const own = verifications.filter((v) => v.subjectKey === s.key);
    const complete = own.find(
      (v) => !isBlank(v.verifierName) && v.conclusion !== null && (v.verifiedOn === null || v.verifiedOn <= onDate),
    );
    if (complete) {
      const facts = { ...base, verifierName: complete.verifierName, conclusion: complete.conclusion, verifiedOn: complete.verifiedOn };
      return pass('R-ADM-07', complete.conclusion === 'clear' ? 'verified' : 'verified_with_issues', facts);
    }
    if (own.length === 0) return fail('R-ADM-07', 'not_verified', base);
    if (own.every((v) => isBlank(v.verifierName))) return fail('R-ADM-07', 'verifier_missing', base);
    if (own.every((v) => v.conclusion === null)) return fail('R-ADM-07', 'result_missing', base);
    return fail('R-ADM-07', 'verified_after_date', { ...base, onDate });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-08: opinions

export type OpinionSource = 'mass_organization' | 'residence_cell_committee';

export interface Opinion {
  source: OpinionSource;
  /** The mass organization's key (as in MassOrganizationRef) or the residence cell's. */
  organizationKey: string;
  organizationName: string;
  date: IsoDate;
}

/** A mass organization of the applicant's workplace whose opinion is required. */
export interface MassOrganizationRef {
  key: string;
  name: string;
}

/**
 * R-ADM-08 (Mẫu 5-KNĐ; Kế hoạch 99-KH/HU II.2) and, for recognition, R-REC-03 (Mẫu 11-KNĐ): an opinion of each mass
 * organization where the person works (at least one when none is listed) and of the residence cell committee, each
 * dated before the vote (`voteDate` null: no vote yet, any date counts).
 */
export function checkOpinionsOnFile(
  opinions: readonly Opinion[],
  requiredMassOrganizations: readonly MassOrganizationRef[],
  voteDate: IsoDate | null,
  ruleId: 'R-ADM-08' | 'R-REC-03' = 'R-ADM-08',
): RuleCheck[] {
  const inTime = (o: Opinion) => voteDate === null || o.date < voteDate;
  const judge = (found: readonly Opinion[], facts: Record<string, unknown>): RuleCheck => {
    const onTime = found.filter(inTime).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    if (onTime) return pass(ruleId, 'opinion_on_file', { ...facts, date: onTime.date, organizationName: onTime.organizationName });
    if (found.length > 0) return fail(ruleId, 'opinion_not_before_vote', { ...facts, voteDate, dates: found.map((o) => o.date) });
    return fail(ruleId, 'opinion_missing', facts);
  };
  const mass = opinions.filter((o) => o.source === 'mass_organization');
  const checks = requiredMassOrganizations.length > 0
    ? requiredMassOrganizations.map((m) =>
        judge(mass.filter((o) => o.organizationKey === m.key), { source: 'mass_organization', organizationKey: m.key, organizationName: m.name }))
    : [judge(mass, { source: 'mass_organization' })];
  checks.push(judge(opinions.filter((o) => o.source === 'residence_cell_committee'), { source: 'residence_cell_committee' }));
  return checks;
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-14: competent body

/**
 * R-ADM-14 (Quy định 294-QĐ/TW §4.3.2): the organization deciding is the competent one on the decision date;
 * `competentBodyId` comes from competentBodyFor (organization-tree.ts) on the tree as of that date.
 */
export function checkCompetentBody(
  decidingOrganizationId: number,
  competentBodyId: number | null,
  decisionDate: IsoDate,
  matter: 'admission' | 'recognition' = 'admission',
): RuleCheck {
  const facts = { decidingOrganizationId, competentBodyId, decisionDate, matter };
  if (competentBodyId === null) return fail('R-ADM-14', 'no_competent_body', facts);
  return decidingOrganizationId === competentBodyId ? pass('R-ADM-14', 'ok', facts) : fail('R-ADM-14', 'not_competent_body', facts);
}

// ---------------------------------------------------------------------------------------------------------------
// R-ADM-15: readmission

/** Offence classes of Bộ luật Hình sự 2015 Art. 9. */
export type CrimeSeverity = 'less_serious' | 'serious' | 'very_serious' | 'especially_serious';

/** Why the person left the party: the causes Quy định 294-QĐ/TW §3.5.2 names, and the rest. */
export type LeavingCause =
  | { kind: 'abandoned_activities' }
  | { kind: 'voluntary_exit'; familyHardship: boolean }
  | { kind: 'serious_disunity' }
  | { kind: 'corruption' }
  | { kind: 'criminal_conviction'; severity: CrimeSeverity; recordClearedOn: IsoDate | null }
  | { kind: 'other'; description: string };

export interface ReadmissionFacts {
  /** The date in the decision of name removal, expulsion or release. */
  leftOn: IsoDate;
  cause: LeavingCause;
  previousReadmissions: number;
  provincialAgreement: DocumentRef | null;
}

/** The same shape as grading-rule-sets.ts ReadmissionParams, so either version of R-ADM-15 serves both modules. */
export interface ReadmissionParams {
  monthsAfterLeaving: number;
  monthsAfterClearedConviction: number;
}

/** Quy định 294-QĐ/TW §3.5.3: a person is readmitted once only. */
const MAX_READMISSIONS = 1;

/** Whether `cause` bars readmission for good (Quy định 294-QĐ/TW §3.5.2). */
export function isReadmissionBarred(cause: LeavingCause): boolean {
  switch (cause.kind) {
    case 'abandoned_activities':
    case 'serious_disunity':
    case 'corruption':
      return true;
    case 'voluntary_exit':
      return !cause.familyHardship;
    case 'criminal_conviction':
      return cause.severity !== 'less_serious';
    case 'other':
      return false;
  }
}

/** The first day the waiting of R-ADM-15 is over, or null while a conviction record is not cleared. */
export function readmissionEligibleFrom(facts: ReadmissionFacts, params: ReadmissionParams): IsoDate | null {
  const afterLeaving = addMonths(facts.leftOn, params.monthsAfterLeaving);
  if (facts.cause.kind !== 'criminal_conviction') return afterLeaving;
  if (facts.cause.recordClearedOn === null) return null;
  return maxDate(afterLeaving, addMonths(facts.cause.recordClearedOn, params.monthsAfterClearedConviction));
}

/**
 * R-ADM-15 (Quy định 294-QĐ/TW §3.5): on the cell meeting date, a cause that does not bar readmission, ≥ 36 months
 * since leaving (and ≥ 60 since a less-serious conviction was cleared), and no earlier readmission.
 */
export function checkReadmission(facts: ReadmissionFacts, meetingDate: IsoDate, params: ReadmissionParams): RuleCheck[] {
  const cause = facts.cause;
  const causeFacts = { cause };
  const causeCheck = isReadmissionBarred(cause)
    ? fail('R-ADM-15', 'leaving_cause_bars_readmission', causeFacts)
    : pass('R-ADM-15', 'leaving_cause_allows_readmission', causeFacts);

  const eligibleFrom = readmissionEligibleFrom(facts, params);
  const waitFacts = {
    leftOn: facts.leftOn,
    recordClearedOn: cause.kind === 'criminal_conviction' ? cause.recordClearedOn : null,
    eligibleFrom,
    meetingDate,
    monthsAfterLeaving: params.monthsAfterLeaving,
    monthsAfterClearedConviction: params.monthsAfterClearedConviction,
  };
  const waitCheck =
    eligibleFrom === null
      ? fail('R-ADM-15', 'conviction_record_not_cleared', waitFacts)
      : eligibleFrom <= meetingDate
        ? pass('R-ADM-15', 'waiting_period_over', waitFacts)
        : fail('R-ADM-15', 'waiting_period_not_over', waitFacts);

  const onceFacts = { previousReadmissions: facts.previousReadmissions, maxReadmissions: MAX_READMISSIONS };
  const onceCheck =
    facts.previousReadmissions < MAX_READMISSIONS
      ? pass('R-ADM-15', 'first_readmission', onceFacts)
      : fail('R-ADM-15', 'already_readmitted', onceFacts);
  return [causeCheck, waitCheck, onceCheck];
}

/** R-ADM-15 (Quy định 294-QĐ/TW §3.5.1.b): the provincial standing committee agreed in writing by the decision date. */
export function checkReadmissionAgreement(agreement: DocumentRef | null, decisionDate: IsoDate): RuleCheck {
  if (agreement === null) return fail('R-ADM-15', 'no_provincial_agreement', { decisionDate });
  if (agreement.date > decisionDate) return fail('R-ADM-15', 'provincial_agreement_after_decision', { decisionDate, agreement });
  return pass('R-ADM-15', 'provincial_agreement_on_file', { decisionDate, agreement });
}
