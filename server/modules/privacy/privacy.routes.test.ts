import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { PersonalDataExport, PrivacyRequest, PrivacyRequestList } from '../../../common/contracts/privacy.contract.ts';
import { buildCalendar } from '../../../common/rules/working-days.ts';
import { CLASSIFICATION, PERSON_LINKS } from '../../db/classification.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { invalidateWorkingCalendar } from '../calendar/working-calendar.ts';
import { privacyRequestDueDates } from './privacy.service.ts';

// security.md item 26 on every engine (architecture principle 10): one call returns everything about a member,
// checked against the classification; data subject requests are tracked against their due dates and reported.
// The app's clock: Monday 15 June 2026, 10:00 in Vietnam. In buildTree cell A and cell B sit under one grassroots
// committee; the other cell is in another branch of the commune.

type ErrorBody = { error: { code: string; params?: Record<string, unknown>; fields?: { path: string; code: string; params?: Record<string, unknown> }[] } };

const STAMP = '2026-06-15T03:00:00.000Z';

describe('privacy request due dates (security.md item 26, read as 2 working days / 15 calendar days)', () => {
  const cal = buildCalendar([]);

  it('counts the acknowledgement in working days, across a weekend and a holiday, and the answer in calendar days', () => {
    // Friday 24/4/2026; Sunday 26/4 is Giỗ Tổ Hùng Vương, made up on Monday 27/4; Tuesday 28/4 and Wednesday 29/4 count.
    expect(privacyRequestDueDates('2026-04-24', cal)).toEqual({ acknowledgeDue: '2026-04-29', respondDue: '2026-05-09' });
    // Wednesday 29/4: 30/4 and 1/5 are holidays, then the weekend: Monday 4/5 and Tuesday 5/5 count.
    expect(privacyRequestDueDates('2026-04-29', cal)).toEqual({ acknowledgeDue: '2026-05-05', respondDue: '2026-05-14' });
    // Received on a Saturday: Monday and Tuesday.
    expect(privacyRequestDueDates('2026-06-13', cal).acknowledgeDue).toBe('2026-06-16');
  });

  it('follows the calendar an administrator stored, and other periods when configured', () => {
    const swapped = buildCalendar([{ year: 2026, holidays: ['2026-06-15'], extraWorkingDays: ['2026-06-13'] }]);
    // Friday 12/6: Saturday 13/6 is worked in exchange, Monday 15/6 is off.
    expect(privacyRequestDueDates('2026-06-12', swapped).acknowledgeDue).toBe('2026-06-16');
    expect(privacyRequestDueDates('2026-06-12', cal, { acknowledgeWorkingDays: 3, respondCalendarDays: 30 })).toEqual({
      acknowledgeDue: '2026-06-17',
      respondDue: '2026-07-12',
    });
  });
});

describe.each(ENGINES)('privacy on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  let clerkId: number;
  let n = 0;
  const cookie = {} as Record<'officer' | 'admin' | 'farOfficer' | 'secretary' | 'memberSelf', string>;
  let a: Awaited<ReturnType<typeof buildMember>>;
  let b: Awaited<ReturnType<typeof buildMember>>;
  let memberUser: Awaited<ReturnType<typeof buildUser>>;

  async function as(role: Role, organizationId: number, personId: number | null = null) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username, personId });
    return loginAs(t.app, username);
  }
  async function call<T>(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as object, headers: { cookie: who } });
    return { status: res.statusCode, body: res.json() as T & ErrorBody, raw: res.body, headers: res.headers };
  }
  async function lastAuditId() {
    const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  }
  const auditSince = (id: number) =>
    t.db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'outcome']).where('id', '>', id).orderBy('id').execute();
  const fieldsOf = (body: ErrorBody) => (body.error.fields ?? []).map((f) => [f.path, f.code]);

  async function duesProfile(memberId: number, base: number) {
    await t.db
      .insertInto('dues_profiles')
      .values({
        member_id: memberId,
        dues_group: 'salaried',
        base_amount_vnd: base,
        region: null,
        on_sick_or_maternity_leave: 1,
        band_amount_vnd: null,
        past_working_age: 0,
        valid_from: '2026-01-01',
        valid_to: null,
        note: 'Nghỉ ốm dài ngày từ tháng 3',
        version: 1,
        created_by: clerkId,
        created_at: STAMP,
        closed_by: null,
        closed_at: null,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    clerkId = (await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `clerk-${engine}` })).id;
    a = await buildMember(t.db, {
      organizationId: o.cellA.id,
      cardNumber: '0912345678',
      person: { full_name: 'Trần Thị Hoa', citizen_id: '068190001234', phone: '0912000111', religion_code: 'buddhism', ethnicity_code: '02' },
    });
    b = await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: 'Lê Văn Nam' } });
    memberUser = await buildUser(t.db, { role: 'member', organizationId: o.cellA.id, username: `hoa-${engine}`, personId: a.person.id });
    cookie.memberSelf = await loginAs(t.app, `hoa-${engine}`);
    cookie.officer = await as('organization_officer', o.grassroots.id);
    cookie.admin = await as('admin', o.commune.id);
    cookie.farOfficer = await as('organization_officer', o.otherCell.id);
    cookie.secretary = await as('cell_secretary', o.cellA.id);

    // The member's records in several modules: a dues profile, an attendance line, a violation, audit rows.
    await duesProfile(a.member.id, 8_500_000);
    await duesProfile(b.member.id, 6_000_000);
    const meeting = await t.db
      .insertInto('meetings')
      .values({
        organization_id: o.cellA.id,
        kind: 'regular',
        status: 'held',
        meeting_date: '2026-06-05',
        planned_on: '2026-06-05',
        topic: 'Sinh hoạt thường kỳ tháng 6',
        chair: null,
        minute_taker: null,
        minutes: null,
        resolutions: null,
        attendance_recorded_at: STAMP,
        version: 1,
        created_by: clerkId,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('attendance')
      .values([
        { meeting_id: meeting.id, member_id: a.member.id, status: 'absent_with_reason', reason: 'Điều trị tại bệnh viện', expected: 1, expectation: 'member', recorded_by: clerkId, recorded_at: STAMP },
        { meeting_id: meeting.id, member_id: b.member.id, status: 'present', reason: null, expected: 1, expectation: 'member', recorded_by: clerkId, recorded_at: STAMP },
      ])
      .execute();
    const violation = await call(cookie.officer, 'POST', `/api/members/${a.member.id}/violations`, {
      kind: 'law_violation',
      decidedOn: '2026-03-10',
      decidedBy: 'Công an huyện Lạc Dương',
      reference: '47/QĐ-XPHC',
      form: 'administrative_sanction',
      description: 'Điều khiển xe mô tô khi trong hơi thở có nồng độ cồn.',
    });
    expect(violation.status, violation.raw).toBe(201);
    expect((await call(cookie.officer, 'GET', `/api/members/${a.member.id}`)).status).toBe(200);
    // The member reads their own record: an audit row written by their account.
    expect((await call(cookie.memberSelf, 'GET', `/api/members/${a.member.id}`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns everything about the member, table by table, every value labelled by its tag, secrets withheld, and audits it', async () => {
    const before = await lastAuditId();
    const res = await call<PersonalDataExport>(cookie.officer, 'GET', `/api/members/${a.member.id}/personal-data`);
    expect(res.status, res.raw).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    expect(body.subject).toEqual({ memberId: a.member.id, personId: a.person.id, fullName: 'Trần Thị Hoa' });

    // Every table with a person or member link appears once, even when nothing of it is about the member.
    expect(body.tables.map((x) => x.table)).toEqual(Object.keys(PERSON_LINKS));

    // Checked against the tags: every returned column is tagged with the class it carries; no secret candidate.
    const problems: string[] = [];
    for (const table of body.tables) {
      const tags = CLASSIFICATION[table.table];
      for (const c of table.columns) if (tags[c.name] !== c.class) problems.push(`${table.table}.${c.name} column`);
      expect(table.withheld.sort()).toEqual(Object.keys(tags).filter((c) => tags[c] === 'secret_candidate').sort());
      for (const row of table.rows) {
        for (const [column, v] of Object.entries(row)) {
          if (tags[column] === undefined || tags[column] === 'secret_candidate' || tags[column] !== v.class) problems.push(`${table.table}.${column}`);
        }
        for (const w of table.withheld) if (w in row) problems.push(`${table.table}.${w} returned`);
      }
    }
    expect(problems).toEqual([]);
    expect(body.tables.find((x) => x.table === 'users')!.withheld).toEqual(['password_hash', 'totp_enrolled_at', 'totp_last_step', 'totp_pending_secret', 'totp_secret']);
    expect(body.tables.find((x) => x.table === 'sessions')!.withheld).toEqual(['id']);
    expect(res.raw).not.toContain(memberUser.password_hash);
    const sessionIds = await t.db.selectFrom('sessions').select('id').where('user_id', '=', memberUser.id).execute();
    expect(sessionIds.length).toBeGreaterThan(0);
    for (const s of sessionIds) expect(res.raw).not.toContain(s.id);

    const rowsOf = (table: string) => body.tables.find((x) => x.table === table)!.rows;
    const value = (row: Record<string, { value: unknown }>, column: string) => row[column]?.value;

    // Identity, with its sensitive fields labelled.
    const [person] = rowsOf('persons');
    expect(person.full_name).toEqual({ value: 'Trần Thị Hoa', class: 'sensitive' });
    expect(person.citizen_id).toEqual({ value: '068190001234', class: 'sensitive' });
    expect(person.religion_code.class).toBe('sensitive');
    expect(person.id).toEqual({ value: a.person.id, class: 'basic' });
    expect(rowsOf('members').map((r) => value(r, 'card_number'))).toEqual(['0912345678']);

    // Dues (a salary base and sick leave), attendance, a violation: the member's only, never the other member's.
    const dues = rowsOf('dues_profiles');
    expect(dues.map((r) => [value(r, 'member_id'), value(r, 'base_amount_vnd')])).toEqual([[a.member.id, 8_500_000]]);
    expect(dues[0].on_sick_or_maternity_leave).toEqual({ value: 1, class: 'sensitive' });
    const attendance = rowsOf('attendance');
    expect(attendance.map((r) => [value(r, 'member_id'), value(r, 'status'), value(r, 'reason')])).toEqual([
      [a.member.id, 'absent_with_reason', 'Điều trị tại bệnh viện'],
    ]);
    const violations = rowsOf('violation_records');
    expect(violations.map((r) => [value(r, 'form'), value(r, 'reference')])).toEqual([['administrative_sanction', '47/QĐ-XPHC']]);
    expect(violations[0].description.class).toBe('sensitive');
    expect(rowsOf('member_events').map((r) => value(r, 'kind'))).toEqual(['registered']);
    expect(rowsOf('member_terms').length).toBeGreaterThan(0);
    expect(rowsOf('member_terms').every((r) => value(r, 'member_id') === a.member.id)).toBe(true);

    // The member's account and its sessions, without the secrets.
    expect(rowsOf('users').map((r) => value(r, 'username'))).toEqual([`hoa-${engine}`]);
    expect(rowsOf('sessions').map((r) => value(r, 'user_id'))).toEqual(sessionIds.map(() => memberUser.id));

    // Audit rows about the member (the violation recorded, the record read) and those of the member's own login.
    const audit = rowsOf('audit_log').map((r) => [value(r, 'action'), value(r, 'object_type'), value(r, 'object_id')]);
    expect(audit).toContainEqual(['member.read', 'member', String(a.member.id)]);
    expect(audit).toContainEqual(['conduct.violation', 'violation_record', String(violations[0].id.value)]);
    expect(audit).toContainEqual(['auth.login', 'user', String(memberUser.id)]);
    expect(rowsOf('audit_log').some((r) => value(r, 'user_id') === memberUser.id && value(r, 'action') === 'member.read')).toBe(true);
    expect(audit.some(([, type, id]) => type === 'member' && id === String(b.member.id))).toBe(false);

    // Nothing about the other member anywhere in the member-linked tables.
    for (const table of body.tables) {
      for (const row of table.rows) {
        if (table.table !== 'audit_log' && 'member_id' in row) expect(value(row, 'member_id'), table.table).toBe(a.member.id);
      }
    }
    expect(res.raw).not.toContain('Lê Văn Nam');

    // The export is a read of sensitive records: one audit row.
    expect((await auditSince(before)).map((x) => [x.action, x.object_type, x.object_id, x.outcome])).toEqual([
      ['privacy.export', 'member', String(a.member.id), 'success'],
    ]);
  });

  it('answers 404 outside the subtree, 403 to a role without the grant, and audits the refusals', async () => {
    const before = await lastAuditId();
    const far = await call(cookie.farOfficer, 'GET', `/api/members/${a.member.id}/personal-data`);
    expect(far.status).toBe(404);
    expect(far.raw).not.toContain('Trần');
    expect((await call(cookie.secretary, 'GET', `/api/members/${a.member.id}/personal-data`)).status).toBe(403);
    expect((await call(cookie.memberSelf, 'GET', `/api/members/${a.member.id}/personal-data`)).status).toBe(403);
    expect((await call(cookie.admin, 'GET', `/api/members/${a.member.id}/personal-data`)).status).toBe(200);
    const audit = await auditSince(before);
    expect(audit.map((x) => [x.action, x.outcome])).toEqual([
      ['privacy.export', 'denied'],
      ['privacy.export', 'denied'],
      ['privacy.export', 'denied'],
      ['privacy.export', 'success'],
    ]);
  });

  it('tracks a request: due dates across a weekend and a holiday, acknowledgement, refusals, the answer after the export', async () => {
    const c = await buildMember(t.db, { organizationId: o.cellB.id, person: { full_name: 'Phạm Minh Châu' } });
    const before = await lastAuditId();
    const created = await call<PrivacyRequest>(cookie.officer, 'POST', '/api/privacy-requests', {
      memberId: c.member.id,
      kind: 'access',
      receivedOn: '2026-04-24',
      requesterNote: 'Đề nghị cung cấp toàn bộ dữ liệu cá nhân đang lưu.',
    });
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({
      member: { id: c.member.id, fullName: 'Phạm Minh Châu', organization: { id: o.cellB.id, name: 'Chi bộ Hành chính' } },
      kind: 'access',
      receivedOn: '2026-04-24',
      acknowledgeDue: '2026-04-29',
      respondDue: '2026-05-09',
      status: 'awaiting_acknowledgement',
      overdue: true,
      acknowledgeLate: true,
      respondLate: true,
      version: 1,
    });
    const id = created.body.id;
    expect((await auditSince(before)).map((x) => [x.action, x.object_type, x.object_id])).toEqual([['privacy.request.create', 'privacy_request', String(id)]]);

    // Answered before it was acknowledged: refused.
    const early = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, { respondedOn: '2026-06-15', outcome: 'fulfilled', version: 1 });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual([['respondedOn', 'privacy_not_acknowledged']]);

    // Acknowledged before it was received, or in the future: refused, naming the field.
    const beforeReceipt = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/acknowledge`, { acknowledgedOn: '2026-04-23', version: 1 });
    expect(beforeReceipt.status).toBe(400);
    expect(fieldsOf(beforeReceipt.body)).toEqual([['acknowledgedOn', 'privacy_before_received']]);
    const future = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/acknowledge`, { acknowledgedOn: '2026-06-16', version: 1 });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.body)).toEqual([['acknowledgedOn', 'date_in_future']]);

    const ack = await call<PrivacyRequest>(cookie.officer, 'POST', `/api/privacy-requests/${id}/acknowledge`, { acknowledgedOn: '2026-04-28', version: 1 });
    expect(ack.status, ack.raw).toBe(200);
    expect(ack.body).toMatchObject({ status: 'awaiting_response', acknowledgedOn: '2026-04-28', acknowledgeLate: false, overdue: true, version: 2 });

    // A stale version is a conflict and changes nothing; a second acknowledgement is a conflict too.
    const stale = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/acknowledge`, { acknowledgedOn: '2026-04-29', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const again = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/acknowledge`, { acknowledgedOn: '2026-04-29', version: 2 });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual([['acknowledgedOn', 'privacy_already_acknowledged']]);

    // An access request is answered once the export was produced; a refusal states its reason.
    const noExport = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, { respondedOn: '2026-06-15', outcome: 'fulfilled', version: 2 });
    expect(noExport.status).toBe(400);
    expect(fieldsOf(noExport.body)).toEqual([['outcome', 'privacy_export_not_produced']]);
    const bareRefusal = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, { respondedOn: '2026-06-15', outcome: 'refused', version: 2 });
    expect(bareRefusal.status).toBe(400);
    expect(fieldsOf(bareRefusal.body)).toEqual([['responseNote', 'privacy_refusal_reason_required']]);
    const beforeAck = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, { respondedOn: '2026-04-27', outcome: 'refused', responseNote: 'x', version: 2 });
    expect(fieldsOf(beforeAck.body)).toEqual([['respondedOn', 'privacy_before_acknowledged']]);

    expect((await call(cookie.admin, 'GET', `/api/members/${c.member.id}/personal-data`)).status).toBe(200);
    const done = await call<PrivacyRequest>(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, {
      respondedOn: '2026-06-15',
      outcome: 'fulfilled',
      responseNote: 'Đã gửi tệp dữ liệu cho đảng viên.',
      version: 2,
    });
    expect(done.status, done.raw).toBe(200);
    expect(done.body).toMatchObject({ status: 'responded', outcome: 'fulfilled', exportProducedAt: STAMP, overdue: false, respondLate: true, version: 3 });
    const twice = await call(cookie.officer, 'POST', `/api/privacy-requests/${id}/respond`, { respondedOn: '2026-06-15', outcome: 'fulfilled', version: 3 });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice.body)).toEqual([['respondedOn', 'privacy_already_responded']]);

    // Refusals and conflicts wrote nothing: create, acknowledge, the export, respond.
    expect((await auditSince(before)).map((x) => x.action)).toEqual(['privacy.request.create', 'privacy.request.acknowledge', 'privacy.export', 'privacy.request.respond']);
  });

  it('refuses a request received in the future, and one about a member out of scope', async () => {
    const future = await call(cookie.officer, 'POST', '/api/privacy-requests', { memberId: a.member.id, kind: 'deletion', receivedOn: '2026-06-16', requesterNote: null });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.body)).toEqual([['receivedOn', 'date_in_future']]);
    const far = await call(cookie.farOfficer, 'POST', '/api/privacy-requests', { memberId: a.member.id, kind: 'deletion', receivedOn: '2026-06-15' });
    expect(far.status).toBe(404);
    const wrongKind = await call(cookie.officer, 'POST', '/api/privacy-requests', { memberId: a.member.id, kind: 'erasure', receivedOn: '2026-06-15' });
    expect(wrongKind.status).toBe(400);
  });

  it('lists requests with their overdue status and reports the counts, within the subtree only', async () => {
    // Fresh requests: one received Friday 12/6 (due Tuesday 16/6, not overdue), one received Wednesday 29/4 (overdue).
    const fresh = await call<PrivacyRequest>(cookie.officer, 'POST', '/api/privacy-requests', { memberId: a.member.id, kind: 'correction', receivedOn: '2026-06-12', requesterNote: 'Sửa số điện thoại' });
    expect(fresh.body).toMatchObject({ acknowledgeDue: '2026-06-16', respondDue: '2026-06-27', overdue: false, acknowledgeLate: false, respondLate: false });
    const old = await call<PrivacyRequest>(cookie.officer, 'POST', '/api/privacy-requests', { memberId: b.member.id, kind: 'objection', receivedOn: '2026-04-29' });
    expect(old.body).toMatchObject({ acknowledgeDue: '2026-05-05', respondDue: '2026-05-14', overdue: true });

    const open = await call<PrivacyRequestList>(cookie.officer, 'GET', '/api/privacy-requests');
    expect(open.status, open.raw).toBe(200);
    // Open ones by response due day: the older first.
    expect(open.body.items.map((r) => r.id)).toEqual([old.body.id, fresh.body.id]);
    expect(open.body.summary).toEqual({ open: 2, overdue: 1, closedLate: 1 });

    const overdue = await call<PrivacyRequestList>(cookie.officer, 'GET', '/api/privacy-requests?status=overdue');
    expect(overdue.body.items.map((r) => r.id)).toEqual([old.body.id]);
    const closed = await call<PrivacyRequestList>(cookie.officer, 'GET', '/api/privacy-requests?status=closed');
    expect(closed.body.items.map((r) => [r.kind, r.status, r.respondLate])).toEqual([['access', 'responded', true]]);
    const all = await call<PrivacyRequestList>(cookie.admin, 'GET', '/api/privacy-requests?status=all&pageSize=2');
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);

    // Two days on, the fresh request is past its acknowledgement day: overdue. (A new session: the others idled out.)
    t.clock.now = new Date('2026-06-17T03:00:00.000Z');
    try {
      const laterOfficer = await as('organization_officer', o.grassroots.id);
      const later = await call<PrivacyRequestList>(laterOfficer, 'GET', '/api/privacy-requests?status=overdue');
      expect(later.body.items.map((r) => r.id)).toEqual([old.body.id, fresh.body.id]);
      expect(later.body.summary).toMatchObject({ open: 2, overdue: 2 });
    } finally {
      t.clock.now = new Date(STAMP);
    }

    // Another branch sees none of them, and cannot act on them.
    const far = await call<PrivacyRequestList>(cookie.farOfficer, 'GET', '/api/privacy-requests?status=all');
    expect(far.body).toMatchObject({ items: [], total: 0, summary: { open: 0, overdue: 0, closedLate: 0 } });
    expect((await call(cookie.farOfficer, 'POST', `/api/privacy-requests/${fresh.body.id}/acknowledge`, { acknowledgedOn: '2026-06-15', version: 1 })).status).toBe(404);
    expect((await call(cookie.secretary, 'GET', '/api/privacy-requests')).status).toBe(403);
  });

  it('computes due dates on the calendar an administrator stored', async () => {
    // 2025: Monday 1/12 declared a day off; a request received Friday 28/11 is acknowledged by Wednesday 3/12.
    await t.db
      .insertInto('calendar_years')
      .values({ year: 2025, holidays: JSON.stringify(['2025-12-01']), extra_working_days: '[]', note: null, active: 1, updated_by: clerkId, updated_at: STAMP, version: 1 })
      .execute();
    invalidateWorkingCalendar(t.db);
    try {
      const r = await call<PrivacyRequest>(cookie.officer, 'POST', '/api/privacy-requests', { memberId: b.member.id, kind: 'access', receivedOn: '2025-11-28' });
      expect(r.status, r.raw).toBe(201);
      expect(r.body).toMatchObject({ acknowledgeDue: '2025-12-03', respondDue: '2025-12-13' });
    } finally {
      await t.db.deleteFrom('calendar_years').where('year', '=', 2025).execute();
      invalidateWorkingCalendar(t.db);
    }
  });
});
