import { ageInFullYears, addMonths, type IsoDate } from '../../common/rules/iso-date.ts';

// Architecture principle 7: a member's status and cell on `members` are projections of the append-only
// member_events timeline. This replays a timeline and lists every way it disagrees with the projection or
// with the rules on dates; the demo test runs it over every seeded member.

export interface TimelineMember {
  id: number;
  status: string;
  organization_id: number;
  birth_date: IsoDate;
  admission_decision_date: string | null;
  ceremony_date: string | null;
  official_date: string | null;
  left_date: string | null;
  card_number: string | null;
}

export interface TimelineEvent {
  id: number;
  kind: string;
  event_date: IsoDate;
  from_status: string | null;
  to_status: string | null;
  from_organization_id: number | null;
  to_organization_id: number | null;
}

const FIRST_KINDS = new Set(['admitted', 'registered']);
const LEAVING_KINDS = new Set(['struck_off', 'released', 'expelled', 'deceased', 'transferred_out']);

/** Problems found, as short sentences naming the member; empty when the timeline and the projection agree. */
export function checkMemberTimeline(m: TimelineMember, unsorted: readonly TimelineEvent[], today: IsoDate): string[] {
  const problems: string[] = [];
  const say = (s: string) => problems.push(`member ${m.id}: ${s}`);
  const events = [...unsorted].sort((a, b) => (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : a.id - b.id));
  if (events.length === 0) return [`member ${m.id}: no events`];

  let status: string | null = null;
  let org: number | null = null;
  events.forEach((e, i) => {
    if (i === 0 && !FIRST_KINDS.has(e.kind)) say(`first event is ${e.kind}`);
    if (i > 0 && FIRST_KINDS.has(e.kind)) say(`${e.kind} after the first event`);
    if (i < events.length - 1 && LEAVING_KINDS.has(e.kind)) say(`events after ${e.kind}`);
    if (e.event_date > today) say(`${e.kind} on ${e.event_date} is in the future`);
    if (e.from_status !== status) say(`${e.kind} on ${e.event_date}: from_status ${e.from_status}, but the status was ${status}`);
    if (e.from_organization_id !== null && e.from_organization_id !== org) say(`${e.kind} on ${e.event_date}: from organization ${e.from_organization_id}, but it was ${org}`);
    if (e.kind === 'recognized' && !(status === 'probationary' && e.to_status === 'official')) say('recognized without probationary → official');
    if (e.kind === 'recognized' && e.event_date !== m.official_date) say(`recognized on ${e.event_date}, official_date ${m.official_date}`);
    if (e.kind === 'admitted' && e.event_date !== m.admission_decision_date) say(`admitted on ${e.event_date}, admission_decision_date ${m.admission_decision_date}`);
    if (LEAVING_KINDS.has(e.kind) && (e.to_status !== e.kind || e.event_date !== m.left_date)) say(`${e.kind} does not match left_date/status`);
    status = e.to_status ?? status;
    org = e.to_organization_id ?? org;
  });
  if (status !== m.status) say(`timeline ends ${status}, projection says ${m.status}`);
  if (org !== m.organization_id) say(`timeline ends in organization ${org}, projection says ${m.organization_id}`);
  if (!LEAVING_KINDS.has(m.status) && m.left_date !== null) say('active member with a left_date');

  // Dates: R-ADM-01 (admitted at 18 or more), R-ADM-12 (ceremony after the decision), R-REC-01/06 (official 12 months after the ceremony).
  const a = m.admission_decision_date;
  if (!a || !m.ceremony_date) say('admission or ceremony date missing');
  else {
    if (ageInFullYears(m.birth_date, a) < 18) say(`admitted at ${ageInFullYears(m.birth_date, a)}`);
    if (m.ceremony_date < a) say('ceremony before the admission decision');
    const probationEnd = addMonths(m.ceremony_date, 12);
    if (m.official_date !== null && m.official_date !== probationEnd) say(`official ${m.official_date}, probation ends ${probationEnd}`);
    if (m.status === 'probationary' && (m.official_date !== null || probationEnd <= today)) say('probationary past the end of probation');
    if (m.status === 'official' && (m.official_date === null || m.official_date > today)) say('official without a past official date');
  }
  if (m.official_date === null && m.card_number !== null) say('party card before recognition (R-MGT-08)');
  return problems;
}
