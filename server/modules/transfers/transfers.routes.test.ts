import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { TransferDetail, TransferList } from '../../../common/contracts/transfers.contract.ts';
import { addDays, dayOfWeek } from '../../../common/rules/iso-date.ts';
import { temporaryTransfersOf } from '../meetings/temporary-transfers.ts';
import { invalidateWorkingCalendar } from '../calendar/working-calendar.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { homeHeadcount, isOnTemporaryTransfer, temporaryTransfersOut } from './transfers.service.ts';
import { sweepOverdueTransfers } from './transfers.sweep.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock is fixed at
// 2026-06-15T03:00Z: "today in Vietnam" is 2026-06-15.

// The government's schedules as an administrator stores them (rules.md "Working days"): Tết, Giỗ Tổ, 30/4–1/5 (2025
// with the 2/5 bridge day worked back on Saturday 26/4), 1–2/9.
const SCHEDULES = {
  2025: {
    holidays: ['2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02'],
    extra: ['2025-04-26'],
  },
  2026: {
    holidays: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'],
    extra: [] as string[],
  },
};

/** An oracle independent of working-days.ts: step day by day over the schedules above. */
function nthWorkingDayAfter(date: string, n: number): string {
  const off = new Set([...SCHEDULES[2025].holidays, ...SCHEDULES[2026].holidays]);
  const worked = new Set([...SCHEDULES[2025].extra, ...SCHEDULES[2026].extra]);
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
    if (!off.has(d) && (!weekend || worked.has(d))) left--;
  }
  return d;
}

describe.each(ENGINES)('transfers on %s', (engine) => {
  let t: TestApp;
  let o: Awaited<ReturnType<typeof buildTree>>;
  const cookie = {} as Record<'secA' | 'secB' | 'secOther' | 'officer' | 'commune' | 'front' | 'member' | 'inspector', string>;
  let memberSelf: Awaited<ReturnType<typeof buildMember>>;
  let n = 0;

  async function as(role: Role, organizationId: number, personId: number | null = null) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username, personId });
    return loginAs(t.app, username);
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    o = await buildTree(t.db);
    const admin = await buildUser(t.db, { role: 'admin', organizationId: o.province.id, username: `calendar-${engine}` });
    for (const [year, s] of Object.entries(SCHEDULES)) {
      await t.db
        .insertInto('calendar_years')
        .values({
          year: Number(year),
          holidays: JSON.stringify(s.holidays),
          extra_working_days: JSON.stringify(s.extra),
          note: 'Thông báo của Bộ LĐ-TB&XH',
          active: 1,
          updated_by: admin.id,
          updated_at: '2026-01-01T00:00:00.000Z',
          version: 1,
        })
        .execute();
    }
    invalidateWorkingCalendar(t.db);
    memberSelf = await buildMember(t.db, { organizationId: o.cellA.id, cardNumber: `SELF-${engine}` });
    cookie.secA = await as('cell_secretary', o.cellA.id);
    cookie.secB = await as('cell_secretary', o.cellB.id);
    cookie.secOther = await as('cell_secretary', o.otherCell.id);
    cookie.officer = await as('organization_officer', o.grassroots.id);
    cookie.commune = await as('committee_member', o.commune.id);
    cookie.front = await as('front_officer', o.commune.id);
    cookie.inspector = await as('inspection_officer', o.commune.id);
    cookie.member = await as('member', o.cellA.id, memberSelf.person.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function call<T = any>(who: keyof typeof cookie, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie: cookie[who] } });
    // A refusal answers { error }: the body is typed as the success shape with the error beside it.
    return { status: res.statusCode, body: (res.headers['content-type']?.includes('json') ? res.json() : res.rawPayload) as T & { error: any }, raw: res };
  }

  const official = (memberId: number, extra: Record<string, unknown> = {}) => ({
    memberId,
    kind: 'official',
    direction: 'internal',
    toOrganizationId: o.cellB.id,
    trigger: 'job_change',
    triggeredOn: '2026-05-04',
    letterNumber: `${++n}-GGT/ĐU`,
    issuedOn: '2026-06-01',
    signerName: 'Trần Văn Bí',
    signerTitle: 'Phó Bí thư',
    ...extra,
  });
  const issue = (payload: Record<string, unknown>, who: keyof typeof cookie = 'secA') => call<TransferDetail>(who, 'POST', '/api/transfers', payload);
  const receipt = (who: keyof typeof cookie, id: number, version: number, receivedOn = '2026-06-10') =>
    call<TransferDetail>(who, 'POST', `/api/transfers/${id}/receipt`, { receivedOn, version });
  const memberRow = (id: number) => t.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const memberEvents = (id: number) => t.db.selectFrom('member_events').selectAll().where('member_id', '=', id).orderBy('id').execute();
  const list = (who: keyof typeof cookie, query = '') => call<TransferList>(who, 'GET', `/api/transfers${query}`);

  it('R-MGT-05: stores due dates counted in working days across Tết, 30/4–1/5 and 2/9', async () => {
    const cases = [
      // Tết 2026 (16–20/2) falls inside both periods.
      { triggeredOn: '2026-01-05', issuedOn: '2026-01-30', startDue: '2026-04-06', presentationDue: '2026-03-20' },
      // 30/4–2/5/2025 off, Saturday 26/4 worked.
      { triggeredOn: '2025-03-03', issuedOn: '2025-04-21', startDue: '2025-05-29', presentationDue: '2025-06-04' },
      // 1–2/9/2025.
      { triggeredOn: '2025-07-01', issuedOn: '2025-08-20', startDue: '2025-09-25', presentationDue: '2025-10-03' },
    ];
    for (const c of cases) {
      const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
      const res = await issue(official(member.id, { triggeredOn: c.triggeredOn, issuedOn: c.issuedOn }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      // The independent oracle agrees with the literal dates.
      expect(nthWorkingDayAfter(c.triggeredOn, 60)).toBe(c.startDue);
      expect(nthWorkingDayAfter(c.issuedOn, 30)).toBe(c.presentationDue);
      const row = await t.db.selectFrom('transfers').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect({ startDue: row.start_due, presentationDue: row.presentation_due }).toEqual({ startDue: c.startDue, presentationDue: c.presentationDue });
      expect(res.body).toMatchObject({ startDue: c.startDue, presentationDue: c.presentationDue, status: 'issued', startedLate: false });
    }
    // The form's preview computes the same.
    const preview = await call('secA', 'GET', '/api/transfers/due-dates?issuedOn=2026-01-30&triggeredOn=2026-01-05');
    expect(preview.body).toEqual({ startDue: '2026-04-06', presentationDue: '2026-03-20', startedLate: false });
  });

  it('an internal official transfer changes the cell only after the receiving side confirms, with the history kept', async () => {
    const { member, person } = await buildMember(t.db, { organizationId: o.cellA.id, cardNumber: `CARD-MOVE-${engine}` });
    // Nothing of it is visible to the receiving cell before the letter is issued.
    const before = await list('secB', '?box=incoming');
    expect(before.body.items.some((i) => i.member.id === member.id)).toBe(false);

    const issued = await issue(official(member.id));
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'issued', side: 'sending', from: { id: o.cellA.id }, to: { id: o.cellB.id }, allowedActions: ['download_letter', 'cancel'] });

    // Before receipt the member is still in the old cell.
    expect(await memberRow(member.id)).toMatchObject({ organization_id: o.cellA.id, org_path: o.cellA.path });
    const seenByB = await call<TransferDetail>('secB', 'GET', `/api/transfers/${issued.body.id}`);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body).toMatchObject({ side: 'receiving', member: { fullName: person.full_name, organization: { id: o.cellA.id } } });
    expect(seenByB.body.allowedActions).toContain('confirm_receipt');
    expect((await list('secB', '?box=incoming')).body.items.map((i) => i.id)).toContain(issued.body.id);
    expect((await list('secB', '?box=outgoing')).body.items.map((i) => i.id)).not.toContain(issued.body.id);

    // The sending side cannot confirm its own letter.
    const bySender = await receipt('secA', issued.body.id, issued.body.version);
    expect(bySender.status).toBe(403);
    expect(await memberRow(member.id)).toMatchObject({ organization_id: o.cellA.id });

    const confirmed = await receipt('secB', issued.body.id, issued.body.version);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'received', receivedOn: '2026-06-10', receivedLate: false, member: { organization: { id: o.cellB.id } } });
    expect(await memberRow(member.id)).toMatchObject({ organization_id: o.cellB.id, org_path: o.cellB.path });
    const events = await memberEvents(member.id);
    expect(events.map((e) => e.kind)).toEqual(['registered', 'moved']);
    expect(events[1]).toMatchObject({ event_date: '2026-06-10', from_organization_id: o.cellA.id, to_organization_id: o.cellB.id, decision_ref: issued.body.letterNumber });
    expect(confirmed.body.events.map((e) => e.kind)).toEqual(['issued', 'received']);

    // The audit rows were written with the steps.
    const audit = await t.db.selectFrom('audit_log').select('action').where('object_type', '=', 'transfer').where('object_id', '=', String(issued.body.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['transfer.issue', 'transfer.confirm_receipt']);

    // The sending side still sees its letter (history), now received.
    expect((await call<TransferDetail>('secA', 'GET', `/api/transfers/${issued.body.id}`)).body.status).toBe('received');
  });

  it('cannot be confirmed twice', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
    const issued = await issue(official(member.id));
    expect((await receipt('secB', issued.body.id, issued.body.version)).status).toBe(200);
    const again = await receipt('secB', issued.body.id, issued.body.version + 1, '2026-06-11');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', params: { status: 'received' } });
    const stale = await receipt('secB', issued.body.id, issued.body.version);
    expect(stale.status).toBe(409);
    expect((await memberEvents(member.id)).filter((e) => e.kind === 'moved')).toHaveLength(1);
    const events = await t.db.selectFrom('transfer_events').select('kind').where('transfer_id', '=', issued.body.id).execute();
    expect(events.map((e) => e.kind)).toEqual(['issued', 'received']);
  });

  it('scope: unrelated cells get 404, front officers 403, the organization above sees both sides, a member sees their own', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
    const issued = await issue(official(member.id));
    const id = issued.body.id;
    for (const url of [`/api/transfers/${id}`, `/api/transfers/${id}/letter.docx`, `/api/members/${member.id}/transfers`]) {
      const res = await call('secOther', 'GET', url);
      if (url.endsWith('/transfers')) expect(res.body).toEqual({ items: [] });
      else expect(res.status, url).toBe(404);
    }
    expect((await receipt('secOther', id, issued.body.version)).status).toBe(404);
    expect((await list('secOther')).body.items.map((i) => i.id)).not.toContain(id);
    expect((await call('front', 'GET', `/api/transfers/${id}`)).status).toBe(403);
    expect((await call('front', 'GET', '/api/transfers')).status).toBe(403);
    expect((await issue(official(member.id), 'front')).status).toBe(403);
    // Reading is not managing: an inspection officer sees the letter but cannot act on it.
    expect((await call('inspector', 'GET', `/api/transfers/${id}`)).body.allowedActions).toEqual(['download_letter']);
    expect((await receipt('inspector', id, issued.body.version)).status).toBe(403);

    const above = await call<TransferDetail>('officer', 'GET', `/api/transfers/${id}`);
    expect(above.body.side).toBe('both');
    expect((await list('officer', '?box=incoming')).body.items.map((i) => i.id)).toContain(id);
    expect((await list('officer', '?box=outgoing')).body.items.map((i) => i.id)).toContain(id);
    // Another organization's point of view inside scope, and one outside it.
    expect((await list('officer', `?box=outgoing&organizationId=${o.cellB.id}`)).body.items.map((i) => i.id)).not.toContain(id);
    expect((await list('secA', `?organizationId=${o.cellB.id}`)).status).toBe(404);

    // A member sees only their own transfers.
    expect((await call('member', 'GET', `/api/transfers/${id}`)).status).toBe(404);
    const own = await issue(official(memberSelf.member.id, { toOrganizationId: o.otherCell.id }));
    expect(own.status).toBe(201);
    const mine = await list('member');
    expect(mine.body.items.map((i) => i.id)).toEqual([own.body.id]);
    expect((await call<TransferDetail>('member', 'GET', `/api/transfers/${own.body.id}`)).body).toMatchObject({ side: 'member', allowedActions: ['download_letter'] });
    expect((await call('member', 'GET', `/api/transfers/${own.body.id}/letter.docx`)).status).toBe(200);
    expect((await call('member', 'POST', `/api/transfers/${own.body.id}/cancel`, { cancelledOn: '2026-06-15', reason: 'x', version: 1 })).status).toBe(403);
    // Cancelled by the sending side: the member stays; the receiving side keeps seeing the withdrawn letter.
    const cancelled = await call<TransferDetail>('secA', 'POST', `/api/transfers/${own.body.id}/cancel`, { cancelledOn: '2026-06-15', reason: 'Đồng chí không chuyển nữa', version: 1 });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledOn: '2026-06-15' });
    expect((await receipt('secOther', own.body.id, cancelled.body.version)).status).toBe(409);
    expect(await memberRow(memberSelf.member.id)).toMatchObject({ organization_id: o.cellA.id });
  });

  it('the sweep marks a letter never presented overdue, once; both sides and the organization above see it', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
    // Issued 2026-04-20: due 30 working days later, 2026-06-04 (27/4, 30/4 and 1/5 are off).
    const issued = await issue(official(member.id, { triggeredOn: '2026-04-01', issuedOn: '2026-04-20' }));
    expect(issued.body.presentationDue).toBe('2026-06-04');
    const first = await sweepOverdueTransfers(t.db, t.clock.now);
    expect(first.changed).toBeGreaterThanOrEqual(1);
    const row = await t.db.selectFrom('transfers').selectAll().where('id', '=', issued.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'overdue', overdue_since: '2026-06-15', version: 2 });
    expect(await sweepOverdueTransfers(t.db, t.clock.now)).toEqual({ changed: 0 });
    const events = await t.db.selectFrom('transfer_events').selectAll().where('transfer_id', '=', issued.body.id).orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.actor_user_id])).toEqual([
      ['issued', expect.any(Number)],
      ['overdue_marked', null],
    ]);
    // A letter whose due day is today is not overdue yet.
    const { member: other } = await buildMember(t.db, { organizationId: o.cellA.id });
    const notYet = await issue(official(other.id, { triggeredOn: '2026-04-01', issuedOn: '2026-05-04' }));
    expect(notYet.body.presentationDue).toBe('2026-06-15');
    await sweepOverdueTransfers(t.db, t.clock.now);
    expect((await call<TransferDetail>('secA', 'GET', `/api/transfers/${notYet.body.id}`)).body.status).toBe('issued');

    for (const who of ['secA', 'secB', 'officer', 'commune'] as const) {
      const overdue = await list(who, '?box=overdue');
      expect(overdue.body.items.map((i) => i.id), who).toContain(issued.body.id);
      expect(overdue.body.counts.overdue, who).toBeGreaterThanOrEqual(1);
    }
    // Presented late after all: received, and the lateness stays on record.
    const late = await receipt('secB', issued.body.id, 2, '2026-06-12');
    expect(late.body).toMatchObject({ status: 'received', receivedLate: true, overdueSince: '2026-06-15' });
  });

  it('generates the transfer letter as a Word document with the member and the deadline', async () => {
    const { member, person } = await buildMember(t.db, { organizationId: o.cellA.id, cardNumber: `LETTER-${engine}` });
    const issued = await issue(official(member.id));
    const res = await call<Buffer>('secB', 'GET', `/api/transfers/${issued.body.id}/letter.docx`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('wordprocessingml');
    expect(res.raw.headers['content-disposition']).toContain('attachment');
    const zip = await JSZip.loadAsync(res.raw.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(person.full_name);
    expect(xml).toContain('GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG');
    expect(xml).toContain(`Số ${issued.body.letterNumber}`);
    expect(xml).toContain(`LETTER-${engine}`);
    expect(xml).toContain('Chi bộ Hành chính, Đảng bộ Trường THPT Lang Biang');
    expect(xml).toContain('ĐẢNG ỦY TRƯỜNG THPT LANG BIANG');
    expect(xml).toContain(`có giá trị đến hết ngày ${issued.body.presentationDue.split('-').reverse().join('/')}`);
  });

  it('R-MGT-06: a member on temporary transfer is not counted in the home cell meanwhile', async () => {
    const cell = o.cellB;
    const { member: stays } = await buildMember(t.db, { organizationId: cell.id });
    const { member: away } = await buildMember(t.db, { organizationId: cell.id });
    const base = await homeHeadcount(t.db, cell.id, '2026-07-01');

    const tooShort = await issue(
      { memberId: away.id, kind: 'temporary', direction: 'internal', toOrganizationId: o.otherCell.id, temporaryPurpose: 'work', temporaryFrom: '2026-06-01', temporaryTo: '2026-07-31', letterNumber: 'T1', issuedOn: '2026-06-01' },
      'secB',
    );
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.fields).toEqual([expect.objectContaining({ path: 'temporaryTo', code: 'temporary_transfer_too_short', params: expect.objectContaining({ rule: 'R-MGT-06' }) })]);

    const issued = await issue(
      { memberId: away.id, kind: 'temporary', direction: 'internal', toOrganizationId: o.otherCell.id, temporaryPurpose: 'work', temporaryFrom: '2026-06-01', temporaryTo: '2026-11-30', letterNumber: 'T2', issuedOn: '2026-06-01' },
      'secB',
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.startDue).toBeNull();
    expect(await isOnTemporaryTransfer(t.db, away.id, '2026-07-01')).toBe(true);
    expect(await isOnTemporaryTransfer(t.db, stays.id, '2026-07-01')).toBe(false);
    expect(await isOnTemporaryTransfer(t.db, away.id, '2026-12-01')).toBe(false);
    expect((await temporaryTransfersOut(t.db, cell.id, '2026-07-01')).map((x) => [x.memberId, x.hostName])).toEqual([[away.id, o.otherCell.name]]);
    expect(await homeHeadcount(t.db, cell.id, '2026-07-01')).toEqual({ members: base.members, away: base.away + 1, counted: base.counted - 1 });
    // The meetings module reads the same transfers through the source app.ts installs.
    expect(await temporaryTransfersOf(t.db, [away.id])).toEqual([{ memberId: away.id, purpose: 'work', from: '2026-06-01', to: '2026-11-30', returnedOn: null }]);

    // The host confirms; the member's cell does not change (a temporary transfer keeps the home cell).
    const hosted = await receipt('secOther', issued.body.id, 1, '2026-06-03');
    expect(hosted.body).toMatchObject({ status: 'received' });
    expect(await memberRow(away.id)).toMatchObject({ organization_id: cell.id });
    // A second transfer while away is refused.
    const second = await issue(official(away.id, { toOrganizationId: o.cellA.id }), 'secB');
    expect(second.body.error.fields).toEqual([expect.objectContaining({ path: 'memberId', code: 'transfer_already_open' })]);

    // Back early: counted again from the day of return.
    const back = await call<TransferDetail>('secB', 'POST', `/api/transfers/${issued.body.id}/return`, { returnedOn: '2026-06-12', version: hosted.body.version });
    expect(back.body).toMatchObject({ status: 'returned', returnedOn: '2026-06-12' });
    expect(await isOnTemporaryTransfer(t.db, away.id, '2026-06-11')).toBe(true);
    expect(await isOnTemporaryTransfer(t.db, away.id, '2026-06-12')).toBe(false);
    expect(await homeHeadcount(t.db, cell.id, '2026-07-01')).toEqual(base);
  });

  it('outgoing: the letter waits for the outside confirmation, then the member leaves the system', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
    const issued = await issue(official(member.id, { direction: 'outgoing', toOrganizationId: null, outsideOrganizationName: 'Đảng bộ phường Bến Thành, TP Hồ Chí Minh' }));
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ direction: 'outgoing', to: null, outsideOrganizationName: 'Đảng bộ phường Bến Thành, TP Hồ Chí Minh' });
    expect(issued.body.allowedActions).toContain('record_outside_confirmation');
    expect(await memberRow(member.id)).toMatchObject({ status: 'official', organization_id: o.cellA.id });
    const done = await call<TransferDetail>('secA', 'POST', `/api/transfers/${issued.body.id}/receipt`, { receivedOn: '2026-06-08', receiptRef: 'Phiếu báo số 15', version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'received', receiptRef: 'Phiếu báo số 15', member: { status: 'transferred_out' } });
    expect(await memberRow(member.id)).toMatchObject({ status: 'transferred_out', left_date: '2026-06-08', organization_id: o.cellA.id });
    expect((await memberEvents(member.id)).at(-1)).toMatchObject({ kind: 'transferred_out', from_status: 'official', to_status: 'transferred_out' });
    // A member who has left cannot be sent again.
    expect((await issue(official(member.id))).body.error.code).toBe('MEMBER_NOT_ACTIVE');
  });

  it('incoming: a member arriving from outside with a letter is registered in the receiving cell', async () => {
    const payload = {
      organizationId: o.cellB.id,
      fullName: 'Hoàng Thị Đến',
      gender: 'female',
      birthDate: '1991-02-03',
      ethnicityCode: '01',
      religionCode: 'none',
      citizenId: '068191000123',
      status: 'official',
      cardNumber: `IN-${engine}`,
      admissionDecisionDate: '2015-05-19',
      officialDate: '2016-05-19',
      outsideOrganizationName: 'Đảng ủy phường 1, TP Đà Lạt',
      letterNumber: '45-GGT/ĐU',
      issuedOn: '2026-05-20',
      receivedOn: '2026-06-05',
      trigger: 'job_change',
      triggeredOn: '2026-05-01',
    };
    expect((await call('secA', 'POST', '/api/transfers/incoming', payload)).status).toBe(404);
    const res = await call<TransferDetail>('secB', 'POST', '/api/transfers/incoming', payload);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ direction: 'incoming', status: 'received', from: null, to: { id: o.cellB.id }, receivedOn: '2026-06-05', allowedActions: [] });
    const m = await memberRow(res.body.member.id);
    expect(m).toMatchObject({ organization_id: o.cellB.id, org_path: o.cellB.path, status: 'official', card_number: `IN-${engine}` });
    expect((await memberEvents(m.id)).map((e) => [e.kind, e.to_organization_id, e.decision_ref])).toEqual([['registered', o.cellB.id, '45-GGT/ĐU']]);
    expect((await list('secB', '?box=incoming&q=hoang thi den')).body.items.map((i) => i.id)).toEqual([res.body.id]);
    // The letter came from outside: nothing to generate.
    expect((await call('secB', 'GET', `/api/transfers/${res.body.id}/letter.docx`)).status).toBe(404);
    const dup = await call('secB', 'POST', '/api/transfers/incoming', { ...payload, cardNumber: 'IN-OTHER' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_CITIZEN_ID');
  });

  it('refuses what the rules forbid: missing trigger, the same cell, a letter dated in the future', async () => {
    const { member } = await buildMember(t.db, { organizationId: o.cellA.id });
    const res = await issue(official(member.id, { trigger: null, toOrganizationId: o.cellA.id, issuedOn: '2026-06-16' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual([
      'issuedOn:date_in_future',
      'toOrganizationId:transfer_same_cell',
      'trigger:required',
    ]);
    expect((await issue(official(member.id, { toOrganizationId: o.grassroots.id }))).body.error.fields[0].code).toBe('not_a_cell');
    expect((await issue(official(member.id), 'secB')).status).toBe(404);
  });
  it('finds a letter and a member by citizen id only in a POST body, within scope (security.md item 25)', async () => {
    const idX = '068090731001';
    const idY = '068090731002';
    const { member: x } = await buildMember(t.db, { organizationId: o.cellA.id, person: { full_name: 'Hà Văn Xuân', citizen_id: idX } });
    const { member: y } = await buildMember(t.db, { organizationId: o.cellB.id, person: { full_name: 'Hà Văn Yên', citizen_id: idY } });
    const issued = await issue(official(x.id));
    expect(issued.status).toBe(201);

    const letters = async (who: keyof typeof cookie, body: Record<string, unknown>) => {
      const res = await call<TransferList>(who, 'POST', '/api/transfers/search', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i) => i.id);
    };
    expect(await letters('secA', { q: idX })).toEqual([issued.body.id]);
    expect(await letters('secB', { q: idX, box: 'incoming' })).toEqual([issued.body.id]);
    expect(await letters('officer', { q: idX.slice(0, 10), box: 'outgoing', organizationId: o.cellA.id })).toEqual([issued.body.id]);
    expect(await letters('secOther', { q: idX })).toEqual([]);
    expect((await call('secA', 'POST', '/api/transfers/search', { q: idX, organizationId: o.cellB.id })).status).toBe(404);
    expect((await call('front', 'POST', '/api/transfers/search', { q: idX })).status).toBe(403);
    expect((await call('secA', 'POST', '/api/transfers/search', { q: idX, memberId: x.id })).status).toBe(400);
    // The same answer as the GET for the same filters.
    expect((await call('secA', 'POST', '/api/transfers/search', { q: 'ha van xuan', box: 'outgoing' })).body).toEqual((await list('secA', '?q=ha%20van%20xuan&box=outgoing')).body);

    const refused = await list('secA', `?q=${idX}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION',
      params: { reason: 'citizen_id_in_url', use: 'POST /api/transfers/search' },
      fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
    });

    const options = async (who: keyof typeof cookie, body: Record<string, unknown>) => {
      const res = await call<{ items: { id: number; openTransferId: number | null }[] }>(who, 'POST', '/api/transfers/member-options/search', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items;
    };
    expect(await options('secA', { q: idX })).toEqual([expect.objectContaining({ id: x.id, openTransferId: issued.body.id })]);
    expect(await options('secA', { q: idY })).toEqual([]);
    expect((await options('officer', { q: idY })).map((m) => m.id)).toEqual([y.id]);
    expect((await call('inspector', 'POST', '/api/transfers/member-options/search', { q: idY })).status).toBe(403);
    const refusedOptions = await call('secA', 'GET', `/api/transfers/member-options?q=${encodeURIComponent(`ha van ${idX}`)}`);
    expect(refusedOptions.status).toBe(400);
    expect(refusedOptions.body.error.params).toEqual({ reason: 'citizen_id_in_url', use: 'POST /api/transfers/member-options/search' });
  });
});
