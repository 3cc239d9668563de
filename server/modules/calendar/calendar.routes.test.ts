import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { CalendarYearResponse, WorkingDaysResponse } from '../../../common/contracts/calendar.contract.ts';
import { addWorkingDays, defaultYearSchedule } from '../../../common/rules/working-days.ts';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { loadWorkingCalendar } from './working-calendar.ts';

// The administrable working-day calendar (rules.md "Working days"; issue 3 item 6), through the API, on every engine.
// The app's clock is fixed at 2026-06-15T03:00Z.

describe.each(ENGINES)('calendar on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const tree = await buildTree(t.db);
    admin = await as('admin', tree.province.id);
    officer = await as('organization_officer', tree.commune.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username });
    return loginAs(t.app, username);
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  }
  const getYear = (cookie: string, year: number) => call<CalendarYearResponse>(cookie, 'GET', `/api/calendar/${year}`);
  /** The saved year, or an error body ({ error: { code, params, fields } }) on refusal. */
  const putYear = (cookie: string, year: number, body: unknown) =>
    call<CalendarYearResponse & { error?: any }>(cookie, 'PUT', `/api/calendar/${year}`, body);
  const auditOf = (objectId: string) =>
    t.db.selectFrom('audit_log').select(['action', 'outcome', 'username']).where('object_type', '=', 'calendar_year').where('object_id', '=', objectId).orderBy('id').execute();

  it('shows the computed 2026 schedule by default: Tết on 17/02 (1/1 Bính Ngọ), Giỗ Tổ on 26/04 (10/3), each named', async () => {
    const res = await getYear(officer, 2026);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, source: 'default', version: 0, note: null, updatedBy: null, extraWorkingDays: [] });
    const tet = res.body.holidays.filter((h) => h.kind === 'tet');
    expect(tet.map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet.find((h) => h.date === '2026-02-17')).toMatchObject({ name: 'Tết Nguyên đán', lunar: { day: 1, month: 1, year: 2026, leap: false } });
    expect(res.body.holidays.find((h) => h.kind === 'hung_kings')).toMatchObject({
      date: '2026-04-26',
      name: 'Giỗ Tổ Hùng Vương',
      lunar: { day: 10, month: 3, year: 2026 },
    });
    expect(res.body.holidays.find((h) => h.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', relatedTo: 'hung_kings' });
    expect(res.body.holidays.map((h) => h.kind)).toEqual(expect.arrayContaining(['new_year', 'reunification', 'labour_day', 'national_day']));
    expect(res.body.defaultHolidays).toEqual(defaultYearSchedule(2026).holidays);
  });

  it('lets every role that may read the calendar read it, a member included', async () => {
    const tree = await buildTree(t.db);
    const member = await as('member', tree.cellA.id);
    expect((await getYear(member, 2027)).status).toBe(200);
    expect((await call(member, 'GET', '/api/calendar/working-days?from=2026-06-12&days=1')).status).toBe(200);
    expect((await call(member, 'GET', '/api/calendar/1899')).status).toBe(400);
  });

  it('an override changes the due dates every module computes: a Saturday worked, an extra holiday', async () => {
    const before = await loadWorkingCalendar(t.db); // cached from here on
    // Friday 12/06/2026 + 1, 2, 3 working days: Monday 15, Tuesday 16, Wednesday 17.
    expect([1, 2, 3].map((d) => addWorkingDays(before, '2026-06-12', d))).toEqual(['2026-06-15', '2026-06-16', '2026-06-17']);

    const holidays = [...defaultYearSchedule(2026).holidays, '2026-06-16'];
    const saved = await putYear(admin, 2026, {
      holidays,
      extraWorkingDays: ['2026-06-13'],
      note: 'Thông báo của Bộ Nội vụ về lịch nghỉ năm 2026 (dữ liệu thử)',
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'stored', version: 1, extraWorkingDays: ['2026-06-13'], updatedBy: { username: `admin-${engine}-1` } });
    expect(saved.body.updatedAt).toBe('2026-06-15T03:00:00.000Z');
    expect(saved.body.holidays.find((h) => h.date === '2026-06-16')).toMatchObject({ kind: 'other' });

    // Through loadWorkingCalendar (the cache was dropped by the change): Saturday 13 counts, Tuesday 16 does not.
    const after = await loadWorkingCalendar(t.db);
    expect([1, 2, 3].map((d) => addWorkingDays(after, '2026-06-12', d))).toEqual(['2026-06-13', '2026-06-15', '2026-06-17']);
    // …and through a transaction handle, which shares the same copy.
    await t.db.transaction().execute(async (trx) => {
      expect(await loadWorkingCalendar(trx)).toBe(after);
    });

    const preview = await call<WorkingDaysResponse>(officer, 'GET', '/api/calendar/working-days?from=2026-06-12&days=3');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ from: '2026-06-12', days: 3, date: '2026-06-17' });
    expect(preview.body.holidaysCrossed.map((h) => h.date)).toEqual(['2026-06-16']);
    expect((await getYear(officer, 2026)).body).toMatchObject({ source: 'stored', note: 'Thông báo của Bộ Nội vụ về lịch nghỉ năm 2026 (dữ liệu thử)' });

    expect(await auditOf('2026')).toEqual([{ action: 'calendar.store', outcome: 'success', username: `admin-${engine}-1` }]);
    const history = await t.db.selectFrom('calendar_year_versions').selectAll().where('year', '=', 2026).orderBy('version').execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, action: 'stored', extra_working_days: '["2026-06-13"]' });
  });

  it('refuses a stale version with 409 and leaves the schedule as it was', async () => {
    const first = await putYear(admin, 2028, { holidays: ['2028-01-03'], extraWorkingDays: [], note: 'lần 1', version: 0 });
    expect(first.status).toBe(200);
    const stale = await putYear(admin, 2028, { holidays: ['2028-01-04'], extraWorkingDays: [], note: 'lần 2 từ màn hình cũ', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', params: { year: 2028, version: 1 } });
    const unknown = await putYear(admin, 2029, { holidays: [], extraWorkingDays: [], note: 'x', version: 3 });
    expect(unknown.status).toBe(409);
    const now = await getYear(admin, 2028);
    expect(now.body.holidays.map((h) => h.date)).toEqual(['2028-01-03']);
    expect(now.body.version).toBe(1);
  });

  it('lets one of two simultaneous first saves win; the other gets a conflict', async () => {
    const body = (note: string) => ({ holidays: ['2031-01-01'], extraWorkingDays: [], note, version: 0 });
    const results = await Promise.all([putYear(admin, 2031, body('A')), putYear(admin, 2031, body('B'))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await getYear(admin, 2031)).body.version).toBe(1);
  });

  it('refuses non-administrators with 403 and records the refusal', async () => {
    const body = { holidays: [], extraWorkingDays: [], note: 'x', version: 0 };
    expect((await putYear(officer, 2030, body)).status).toBe(403);
    expect((await call(officer, 'DELETE', '/api/calendar/2026?version=1')).status).toBe(403);
    const denied = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('outcome', '=', 'denied').where('action', '=', 'calendar.manage').execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect((await getYear(admin, 2030)).body.source).toBe('default');
  });

  it('refuses dates outside the year, weekday "extra working days", and a day both off and worked', async () => {
    const res = await putYear(admin, 2032, {
      holidays: ['2032-01-01', '2033-01-01'],
      extraWorkingDays: ['2032-01-05', '2032-01-03', '2032-01-01'],
      note: 'x',
      version: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'holidays.1', code: 'date_not_in_year', params: { date: '2033-01-01', year: 2032 } },
      { path: 'extraWorkingDays.0', code: 'extra_working_day_not_weekend', params: { date: '2032-01-05' } },
      { path: 'extraWorkingDays.2', code: 'extra_working_day_not_weekend', params: { date: '2032-01-01' } },
    ]);
    const both = await putYear(admin, 2032, { holidays: ['2032-01-03'], extraWorkingDays: ['2032-01-03'], note: 'x', version: 0 });
    expect(both.body.error.fields).toEqual([{ path: 'extraWorkingDays.0', code: 'holiday_and_working_day', params: { date: '2032-01-03' } }]);
    expect((await putYear(admin, 2032, { holidays: [], extraWorkingDays: [], note: '  ', version: 0 })).status).toBe(400);
  });

  it('goes back to the default on DELETE, keeping the history; a stale or repeated reset is refused', async () => {
    const stored = await putYear(admin, 2027, { holidays: ['2027-01-01', '2027-03-01'], extraWorkingDays: ['2027-03-06'], note: 'thử', version: 0 });
    expect(stored.status).toBe(200);
    expect(addWorkingDays(await loadWorkingCalendar(t.db), '2027-02-26', 1)).toBe('2027-03-02');

    expect((await call(admin, 'DELETE', '/api/calendar/2027?version=5')).status).toBe(409);
    const reset = await call<CalendarYearResponse>(admin, 'DELETE', '/api/calendar/2027?version=1&note=Nh%E1%BA%A7m%20n%C4%83m');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ source: 'default', version: 2, note: 'Nhầm năm', extraWorkingDays: [] });
    expect(reset.body.holidays.map((h) => h.date)).toEqual(defaultYearSchedule(2027).holidays);
    expect(addWorkingDays(await loadWorkingCalendar(t.db), '2027-02-26', 1)).toBe('2027-03-01');
    expect((await call(admin, 'DELETE', '/api/calendar/2027?version=2')).status).toBe(404);

    const history = await t.db.selectFrom('calendar_year_versions').select(['version', 'action', 'holidays', 'note']).where('year', '=', 2027).orderBy('version').execute();
    expect(history).toEqual([
      { version: 1, action: 'stored', holidays: '["2027-01-01","2027-03-01"]', note: 'thử' },
      { version: 2, action: 'reset', holidays: '["2027-01-01","2027-03-01"]', note: 'Nhầm năm' },
    ]);
    await expect(t.db.deleteFrom('calendar_year_versions').where('year', '=', 2027).execute()).rejects.toThrow(/append-only/);
    expect((await auditOf('2027')).map((a) => a.action)).toEqual(['calendar.store', 'calendar.reset']);

    // Stored again from the reset row's version.
    const again = await putYear(admin, 2027, { holidays: ['2027-01-01'], extraWorkingDays: [], note: 'lại', version: 2 });
    expect(again.body).toMatchObject({ source: 'stored', version: 3 });
  });

  it('counts working days back and across Tết', async () => {
    // Friday 13/02/2026, the last working day before the default Tết break (16–20/2, weekends around it).
    const forward = await call<WorkingDaysResponse>(officer, 'GET', '/api/calendar/working-days?from=2026-02-13&days=1');
    expect(forward.body.date).toBe('2026-02-23');
    expect(forward.body.holidaysCrossed.map((h) => h.kind)).toEqual(['tet', 'tet', 'tet', 'tet', 'tet']);
    const back = await call<WorkingDaysResponse>(officer, 'GET', '/api/calendar/working-days?from=2026-02-23&days=-1');
    expect(back.body.date).toBe('2026-02-13');
    expect((await call(officer, 'GET', '/api/calendar/working-days?from=2026-02-30&days=1')).status).toBe(400);
  });
});
