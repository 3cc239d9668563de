import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { AttendanceTable, MeetingsTable } from '../../db/migrations/0006-party-life.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { whereMemberInScope, whereOrgPathInScope } from '../../policy/scope.ts';

// SQL only (architecture principle 3), portable (principle 9): dates are 'YYYY-MM-DD' text, so a year is a range of
// text and a month is substr(date, 6, 2) on both engines. Meetings are scoped by their cell's current path.

type Q = Kysely<Database>;
export type MeetingRow = Selectable<MeetingsTable>;

export function listMeetingsOfCell(db: Q, cellId: number, from: string, to: string) {
  return db
    .selectFrom('meetings as mt')
    .leftJoin('meeting_minutes_files as f', 'f.meeting_id', 'mt.id')
    .selectAll('mt')
    .select((eb) => eb.case().when('f.meeting_id', 'is not', null).then(1).else(0).end().as('has_file'))
    .where('mt.organization_id', '=', cellId)
    .where('mt.meeting_date', '>=', from)
    .where('mt.meeting_date', '<=', to)
    .orderBy('mt.meeting_date')
    .orderBy('mt.kind')
    .orderBy('mt.id')
    .execute();
}

/** Attendance counts per meeting, for a list of meetings (one grouped query). */
export function countAttendance(db: Q, meetingIds: readonly number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance')
    .select([
      'meeting_id',
      sql<number>`sum(case when expected = 1 then 1 else 0 end)`.as('expected'),
      sql<number>`sum(case when status = 'present' then 1 else 0 end)`.as('present'),
      sql<number>`sum(case when status = 'absent_with_reason' then 1 else 0 end)`.as('absent_with_reason'),
      sql<number>`sum(case when status = 'absent_without_reason' then 1 else 0 end)`.as('absent_without_reason'),
    ])
    .where('meeting_id', 'in', [...meetingIds])
    .groupBy('meeting_id')
    .execute();
}

/** One meeting whose cell lies in the actor's subtree; undefined otherwise, and always for 'self' reach (→ 404). */
export function findMeetingInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach'>, id: number) {
  if (actor.reach === 'self') return Promise.resolve(undefined);
  return db
    .selectFrom('meetings as mt')
    .innerJoin('organizations as o', 'o.id', 'mt.organization_id')
    .leftJoin('meeting_minutes_files as f', 'f.meeting_id', 'mt.id')
    .selectAll('mt')
    .select([
      'o.name as organization_name',
      'o.kind as organization_kind',
      'o.valid_from as organization_valid_from',
      'o.valid_to as organization_valid_to',
      'f.file_name',
      'f.mime_type',
      'f.size_bytes',
      'f.uploaded_at',
    ])
    .where('mt.id', '=', id)
    .where((eb) => whereOrgPathInScope(eb, 'o.path', actor))
    .executeTakeFirst();
}
export type ScopedMeeting = NonNullable<Awaited<ReturnType<typeof findMeetingInScope>>>;

/** Meetings of the cell of a kind in [from, to] that are not cancelled (the plan skips slots already filled). */
export function listLiveMeetings(db: Q, cellId: number, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'kind', 'meeting_date', 'status'])
    .where('organization_id', '=', cellId)
    .where('status', '!=', 'cancelled')
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .execute();
}

export async function insertMeeting(db: Q, row: Insertable<MeetingsTable>): Promise<number> {
  const r = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertMeetings(db: Q, rows: Insertable<MeetingsTable>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const r = await db.insertInto('meetings').values(rows).returning('id').execute();
  return r.map((x) => x.id);
}

/** Compare-and-set on version: false when someone changed the meeting meanwhile. */
export async function updateMeetingIfVersion(db: Q, id: number, version: number, patch: Updateable<MeetingsTable>): Promise<boolean> {
  const r = await db
    .updateTable('meetings')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listAttendanceOfMeeting(db: Q, meetingId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select([
      'a.member_id',
      'a.status',
      'a.reason',
      'a.expected',
      'a.expectation',
      'm.status as member_status',
      'm.organization_id',
      'm.sort_key',
      'p.full_name',
      'p.birth_date',
    ])
    .where('a.meeting_id', '=', meetingId)
    .execute();
}

export async function replaceAttendance(db: Q, meetingId: number, rows: Insertable<AttendanceTable>[]) {
  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  // Chunks keep each statement under SQLite's bound-parameter limit for the largest cells.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('attendance').values(rows.slice(i, i + 500)).execute();
}

/** A member's attendance with the meeting and its cell, scoped by the member (subtree or own record). */
export function listAttendanceOfMemberInScope(db: Q, actor: Pick<Actor, 'orgPath' | 'reach' | 'personId'>, memberId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .innerJoin('organizations as o', 'o.id', 'mt.organization_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.meeting_id',
      'a.status',
      'a.reason',
      'a.expected',
      'a.expectation',
      'mt.meeting_date',
      'mt.kind',
      'mt.topic',
      'o.id as organization_id',
      'o.name as organization_name',
    ])
    .where('a.member_id', '=', memberId)
    .where((eb) => whereMemberInScope(eb, actor, { orgPath: 'm.org_path', personId: 'm.person_id' }))
    .orderBy('mt.meeting_date', 'desc')
    .orderBy('a.meeting_id', 'desc')
    .execute();
}

/** A member's attendance rows with the meeting date (no scope), to refresh stored expectations. */
export function listAttendanceDatesOfMember(db: Q, memberId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .select(['a.meeting_id', 'a.expected', 'a.expectation', 'mt.meeting_date'])
    .where('a.member_id', '=', memberId)
    .execute();
}

export function setAttendanceExpectation(db: Q, meetingId: number, memberId: number, expected: number, expectation: string) {
  return db
    .updateTable('attendance')
    .set({ expected, expectation })
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .execute();
}

/**
 * R-MGT-03 across a subtree in ONE aggregate query: per cell, its held meetings of [from, to] counted per month
 * (regular, r01…r12) and per quarter (thematic, t1…t4), one row per cell that met. Portable: CASE inside SUM, months
 * as substr of the date text. The cells are found through organizations.path, their meetings through the index
 * meetings(organization_id, meeting_date). The CROSS JOIN (with the join condition in WHERE: the same inner join on
 * both engines) makes SQLite walk the subtree's organizations first, its LIKE on the path not being indexable, instead
 * of scanning every meeting of the installation; PostgreSQL plans it freely.
 */
export function countHeldMeetingsOfSubtree(db: Q, path: string, from: string, to: string) {
  const month = sql<string>`substr(mt.meeting_date, 6, 2)`;
  const regular = (m: number) => {
    const mm = String(m).padStart(2, '0');
    return sql<number>`sum(case when mt.kind = 'regular' and ${month} = ${mm} then 1 else 0 end)`.as(`r${mm}`);
  };
  const thematic = (q: number) => {
    const months = [3 * q - 2, 3 * q - 1, 3 * q].map((m) => String(m).padStart(2, '0'));
    return sql<number>`sum(case when mt.kind = 'thematic' and ${month} in (${sql.join(months)}) then 1 else 0 end)`.as(`t${q}`);
  };
  return db
    .selectFrom('organizations as o')
    .crossJoin('meetings as mt')
    .select(['o.id as organization_id', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(regular), ...[1, 2, 3, 4].map(thematic)])
    .whereRef('mt.organization_id', '=', 'o.id')
    .where(sql<boolean>`o.path like ${`${path}%`}`)
    .where('mt.status', '=', 'held')
    .where('mt.meeting_date', '>=', from)
    .where('mt.meeting_date', '<=', to)
    .groupBy('o.id')
    .execute();
}
export type HeldCountRow = Awaited<ReturnType<typeof countHeldMeetingsOfSubtree>>[number];

export function findMinutesFile(db: Q, meetingId: number) {
  return db.selectFrom('meeting_minutes_files').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

export async function putMinutesFile(db: Q, row: Insertable<Database['meeting_minutes_files']>) {
  await db.deleteFrom('meeting_minutes_files').where('meeting_id', '=', row.meeting_id).execute();
  await db.insertInto('meeting_minutes_files').values(row).execute();
}
