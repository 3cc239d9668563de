// A member's status and cell are projections of the event timeline (architecture principle 7). This file
// decides which events may be recorded on a member, and checks that a member record's dates hang together.
import { ACTIVE_STATUSES, type MemberStatus } from '../contracts/members.contract.ts';
import { addMonths, compareIsoDate, type IsoDate, monthsBetween } from './iso-date.ts';

export type RecordableMemberEventKind = 'recognized' | 'moved' | 'struck_off' | 'released' | 'expelled' | 'deceased' | 'transferred_out';

/** Events by which a member leaves the party's rolls (or this system's, for transferred_out); each sets left_date. */
export const LEAVING_EVENT_KINDS = ['struck_off', 'released', 'expelled', 'deceased', 'transferred_out'] as const;
type LeavingKind = (typeof LEAVING_EVENT_KINDS)[number];

export interface MemberEventState {
  status: MemberStatus;
  organizationId: number;
  ceremonyDate: IsoDate | null;
  /** The latest event_date on the member's timeline: a new event may not be dated before it. */
  lastEventDate: IsoDate | null;
}

export interface MemberEventRequest {
  kind: RecordableMemberEventKind;
  eventDate: IsoDate;
  /** Destination cell, for 'moved'. */
  organizationId?: number | null;
}

export interface MemberEventNext {
  status: MemberStatus;
  organizationId: number;
  /** Set by 'recognized'. */
  officialDate?: IsoDate;
  /** Set by the leaving events. */
  leftDate?: IsoDate;
}

export type MemberEventRefusal =
  | { ok: false; code: 'MEMBER_NOT_ACTIVE'; params: { status: MemberStatus } }
  | { ok: false; code: 'INVALID_STATUS_TRANSITION'; params: { from: MemberStatus; kind: RecordableMemberEventKind } }
  | { ok: false; code: 'RULE_VIOLATION'; params: { rule: 'R-REC-01'; probationEnds: IsoDate } }
  | { ok: false; code: 'VALIDATION'; field: 'eventDate' | 'organizationId' | 'ceremonyDate'; fieldCode: string; params?: Record<string, unknown> };

export type MemberEventDecision = { ok: true; next: MemberEventNext } | MemberEventRefusal;

const isActive = (s: MemberStatus) => ACTIVE_STATUSES.includes(s);
const isLeaving = (k: RecordableMemberEventKind): k is LeavingKind => (LEAVING_EVENT_KINDS as readonly string[]).includes(k);

/** Probation lasts 12 months from the admission ceremony: R-REC-01 (Điều lệ Đảng Art. 5.1). */
export function probationEndDate(ceremonyDate: IsoDate): IsoDate {
  return addMonths(ceremonyDate, 12);
}

/**
 * The next projection of a member after an event, or why the event cannot be recorded.
 * Only members in the party (probationary, official) take events; recognition turns a probationary member
 * into an official one once probation has ended (R-REC-01), the official date being the day probation ends
 * even when the decision came later (R-REC-06, Quy định 24-QĐ/TW §4.2); a move changes the cell; the leaving
 * events end membership on the event date.
 */
export function decideMemberEvent(current: MemberEventState, event: MemberEventRequest, today: IsoDate): MemberEventDecision {
  if (!isActive(current.status)) return { ok: false, code: 'MEMBER_NOT_ACTIVE', params: { status: current.status } };
  if (compareIsoDate(event.eventDate, today) > 0) {
    return { ok: false, code: 'VALIDATION', field: 'eventDate', fieldCode: 'in_future', params: { today } };
  }
  if (current.lastEventDate && compareIsoDate(event.eventDate, current.lastEventDate) < 0) {
    // The timeline is ordered by date: an event before the latest one would rewrite history behind it.
    return { ok: false, code: 'VALIDATION', field: 'eventDate', fieldCode: 'before_last_event', params: { lastEventDate: current.lastEventDate } };
  }

  if (event.kind === 'recognized') {
    if (current.status !== 'probationary') {
      return { ok: false, code: 'INVALID_STATUS_TRANSITION', params: { from: current.status, kind: event.kind } };
    }
    if (!current.ceremonyDate) return { ok: false, code: 'VALIDATION', field: 'ceremonyDate', fieldCode: 'required_for_recognition' };
    const probationEnds = probationEndDate(current.ceremonyDate);
    if (compareIsoDate(event.eventDate, probationEnds) < 0) {
      return { ok: false, code: 'RULE_VIOLATION', params: { rule: 'R-REC-01', probationEnds } };
    }
    return { ok: true, next: { status: 'official', organizationId: current.organizationId, officialDate: probationEnds } };
  }

  if (event.kind === 'moved') {
    if (event.organizationId == null) return { ok: false, code: 'VALIDATION', field: 'organizationId', fieldCode: 'required' };
    if (event.organizationId === current.organizationId) {
      return { ok: false, code: 'VALIDATION', field: 'organizationId', fieldCode: 'same_organization' };
    }
    return { ok: true, next: { status: current.status, organizationId: event.organizationId } };
  }

  if (isLeaving(event.kind)) {
    return { ok: true, next: { status: event.kind, organizationId: current.organizationId, leftDate: event.eventDate } };
  }
  return { ok: false, code: 'INVALID_STATUS_TRANSITION', params: { from: current.status, kind: event.kind } };
}

export interface MemberRecordDates {
  status: 'probationary' | 'official' | MemberStatus;
  birthDate: IsoDate;
  admissionDecisionDate: IsoDate | null;
  ceremonyDate: IsoDate | null;
  officialDate: IsoDate | null;
}

export interface DateIssue {
  path: 'birthDate' | 'admissionDecisionDate' | 'ceremonyDate' | 'officialDate';
  code: string;
  params?: Record<string, unknown>;
}

/** R-ADM-01 (Quy định 294-QĐ/TW §1.1.1): at least 18 years 0 months, counted in whole calendar months. */
export const MIN_ADMISSION_AGE_MONTHS = 18 * 12;

/**
 * Whether a member record's dates are coherent, every problem at once: nothing in the future; admitted after
 * birth and at 18 or older (R-ADM-01: the age is judged on the cell meeting, which precedes the decision, so a
 * decision before the 18th birthday month cannot be right); ceremony on or after the decision; official date on
 * or after the ceremony (and the decision); a probationary member has no official date yet.
 */
export function checkMemberRecordDates(r: MemberRecordDates, today: IsoDate): DateIssue[] {
  const issues: DateIssue[] = [];
  const future = (path: DateIssue['path'], d: IsoDate | null) => {
    if (d && compareIsoDate(d, today) > 0) issues.push({ path, code: 'in_future', params: { today } });
  };
  future('birthDate', r.birthDate);
  future('admissionDecisionDate', r.admissionDecisionDate);
  future('ceremonyDate', r.ceremonyDate);
  future('officialDate', r.officialDate);

  const admission = r.admissionDecisionDate;
  if (admission) {
    if (compareIsoDate(admission, r.birthDate) <= 0) {
      issues.push({ path: 'admissionDecisionDate', code: 'before_birth' });
    } else {
      const months = monthsBetween(r.birthDate, admission);
      if (months < MIN_ADMISSION_AGE_MONTHS) {
        issues.push({ path: 'admissionDecisionDate', code: 'admission_age', params: { rule: 'R-ADM-01', months, minMonths: MIN_ADMISSION_AGE_MONTHS } });
      }
    }
    if (r.ceremonyDate && compareIsoDate(r.ceremonyDate, admission) < 0) {
      issues.push({ path: 'ceremonyDate', code: 'before_admission_decision' });
    }
  }
  if (r.officialDate) {
    if (r.status === 'probationary') {
      issues.push({ path: 'officialDate', code: 'not_allowed_for_probationary' });
    } else if (r.ceremonyDate && compareIsoDate(r.officialDate, r.ceremonyDate) < 0) {
      issues.push({ path: 'officialDate', code: 'before_ceremony' });
    } else if (admission && compareIsoDate(r.officialDate, admission) < 0) {
      issues.push({ path: 'officialDate', code: 'before_admission_decision' });
    }
  }
  return issues;
}
