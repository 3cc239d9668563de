import type { Db } from '../../db/create-db.ts';

// Rows the screening reads, inserted directly (as server/test/factories.ts does) so a test sets up any history cheaply.
// Shared by the screening and removal tests.

const AT = '2026-01-01T00:00:00.000Z';

export async function buildMeeting(db: Db, o: { organizationId: number; date: string; createdBy: number; status?: 'held' | 'planned' | 'cancelled' }) {
  return db
    .insertInto('meetings')
    .values({
      organization_id: o.organizationId,
      kind: 'regular',
      status: o.status ?? 'held',
      meeting_date: o.date,
      planned_on: o.date,
      topic: 'Sinh hoạt chi bộ định kỳ',
      chair: null,
      minute_taker: null,
      minutes: null,
      resolutions: null,
      attendance_recorded_at: AT,
      version: 1,
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .returning(['id', 'meeting_date'])
    .executeTakeFirstOrThrow();
}

export type Presence = 'present' | 'absent_with_reason' | 'absent_without_reason';

export async function buildAttendance(
  db: Db,
  o: { meetingId: number; memberId: number; status: Presence; recordedBy: number; expected?: boolean; expectation?: 'member' | 'exempted' | 'temporary_transfer_out' },
) {
  await db
    .insertInto('attendance')
    .values({
      meeting_id: o.meetingId,
      member_id: o.memberId,
      status: o.status,
      reason: o.status === 'absent_with_reason' ? 'Ốm, có giấy' : null,
      expected: o.expected === false ? 0 : 1,
      expectation: o.expectation ?? (o.expected === false ? 'exempted' : 'member'),
      recorded_by: o.recordedBy,
      recorded_at: AT,
    })
    .execute();
}

export async function buildAssignment(db: Db, o: { memberId: number; organizationId: number; createdBy: number; from?: string; to?: string | null }) {
  await db
    .insertInto('assignments')
    .values({
      member_id: o.memberId,
      organization_id: o.organizationId,
      description: 'Phụ trách công tác dân vận khu dân cư',
      from_date: o.from ?? '2025-01-01',
      to_date: o.to ?? null,
      assigned_on: o.from ?? '2025-01-01',
      meeting_id: null,
      version: 1,
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}

export async function buildExemption(
  db: Db,
  o: { memberId: number; organizationId: number; createdBy: number; from: string; to: string | null; activities?: boolean; work?: boolean },
) {
  await db
    .insertInto('exemptions')
    .values({
      member_id: o.memberId,
      organization_id: o.organizationId,
      reason: 'elderly_or_weak',
      note: null,
      request_kind: 'written',
      requested_on: o.from,
      decided_on: o.from,
      decision_ref: 'Biên bản họp chi bộ',
      from_date: o.from,
      to_date: o.to,
      from_activities: o.activities === false ? 0 : 1,
      from_work: o.work === false ? 0 : 1,
      superior_informed_on: null,
      version: 1,
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}

/** A dues profile from 2020 on: insured salary 5,000,000 VND → 50,000 VND a month (1 %, both rule sets). */
export async function buildDuesProfile(db: Db, o: { memberId: number; createdBy: number; baseVnd?: number }) {
  await db
    .insertInto('dues_profiles')
    .values({
      member_id: o.memberId,
      dues_group: 'insured_salary',
      base_amount_vnd: o.baseVnd ?? 5_000_000,
      region: null,
      on_sick_or_maternity_leave: 0,
      band_amount_vnd: null,
      past_working_age: 0,
      valid_from: '2020-01-01',
      valid_to: null,
      note: null,
      version: 1,
      created_by: o.createdBy,
      created_at: AT,
      closed_by: null,
      closed_at: null,
    })
    .execute();
}

export async function buildPayments(db: Db, o: { memberId: number; organizationId: number; recordedBy: number; months: string[]; amountVnd?: number }) {
  if (o.months.length === 0) return;
  const batch = await db
    .insertInto('dues_payment_batches')
    .values({ idempotency_key: null, kind: 'collection', item_count: o.months.length, recorded_by: o.recordedBy, recorded_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dues_payments')
    .values(
      o.months.map((m) => ({
        batch_id: batch.id,
        member_id: o.memberId,
        organization_id: o.organizationId,
        for_month: m,
        amount_vnd: o.amountVnd ?? 50_000,
        paid_on: `${m}-10`,
        method: 'cash_to_cell',
        reference: null,
        expected_vnd: null,
        reverses_payment_id: null,
        note: null,
        recorded_by: o.recordedBy,
      })),
    )
    .execute();
}

export async function buildGoodReason(db: Db, o: { memberId: number; month: string; createdBy: number }) {
  await db
    .insertInto('dues_good_reasons')
    .values({ member_id: o.memberId, month: o.month, reason: 'Ốm nằm viện', accepted_by: 'Chi bộ', accepted_on: `${o.month}-20`, decision_ref: null, version: 1, created_by: o.createdBy, created_at: AT })
    .execute();
}

export async function buildTemporaryTransfer(db: Db, o: { memberId: number; fromOrganizationId: number; from: string; to: string; createdBy: number }) {
  await db
    .insertInto('transfers')
    .values({
      member_id: o.memberId,
      kind: 'temporary',
      direction: 'outgoing',
      status: 'received',
      trigger: null,
      triggered_on: null,
      from_organization_id: o.fromOrganizationId,
      to_organization_id: null,
      outside_organization_name: 'Chi bộ Trường Chính trị tỉnh',
      letter_number: `GT-${o.memberId}`,
      letter_issued_on: o.from,
      signer_name: null,
      signer_title: null,
      start_due: null,
      presentation_due: o.from,
      received_on: o.from,
      received_by: null,
      receipt_ref: null,
      received_late: 0,
      overdue_since: null,
      temporary_purpose: 'full_time_study',
      temporary_from: o.from,
      temporary_to: o.to,
      returned_on: null,
      cancelled_on: null,
      cancel_reason: null,
      note: null,
      version: 1,
      created_by: o.createdBy,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}
