import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CellMeetings, ComplianceView, MeetingDetail } from '../../../common/contracts/meetings.contract.ts';
import type { MemberPartyLife } from '../../../common/contracts/party-life.contract.ts';
import { ENGINES } from '../../test/test-db.ts';
import { cellCompliance, judgedMonths } from './meetings.rules.ts';
import { safeMinutesFileName, sniffMinutesType } from './minutes-file.ts';
import { buildPartyLifeKit, exemptionBody, type PartyLifeKit } from './party-life-test-kit.ts';
import { setTemporaryTransferSource } from './temporary-transfers.ts';

describe('judged months (R-MGT-03 framing)', () => {
  it('judges a month once it is over, from the first whole month of the cell to the last whole one', () => {
    expect(judgedMonths(2026, '2026-06-15', '2020-01-01', null)).toEqual({ fromMonth: 1, upToMonth: 5 });
    expect(judgedMonths(2025, '2026-06-15', '2020-01-01', null)).toEqual({ fromMonth: 1, upToMonth: 12 });
    expect(judgedMonths(2027, '2026-06-15', '2020-01-01', null).upToMonth).toBe(0);
    // Founded on 15/03: March is not whole, April is the first month judged; founded on 01/03: March is.
    expect(judgedMonths(2025, '2026-06-15', '2025-03-15', null).fromMonth).toBe(4);
    expect(judgedMonths(2025, '2026-06-15', '2025-03-01', null).fromMonth).toBe(3);
    // Dissolved from 01/10 (exclusive end): September is its last month; from 15/10: still September.
    expect(judgedMonths(2025, '2026-06-15', '2020-01-01', '2025-10-01').upToMonth).toBe(9);
    expect(judgedMonths(2025, '2026-06-15', '2020-01-01', '2025-10-15').upToMonth).toBe(9);
  });

  it('reports nothing missing when no month is judged yet', () => {
    const c = cellCompliance(2026, { regularByMonth: Array(12).fill(0), thematicByQuarter: [0, 0, 0, 0] }, { fromMonth: 1, upToMonth: 0 });
    expect(c.missingMonths).toEqual([]);
    expect(c.missingQuarters).toEqual([]);
  });
});

describe('scanned minutes files', () => {
  it('accepts PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniffMinutesType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffMinutesType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMinutesType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMinutesType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(sniffMinutesType(Buffer.from('PK\u0003\u0004'))).toBeNull();
  });

  it('keeps a safe name ending with the real type', () => {
    expect(safeMinutesFileName('C:\\scan\\Biên bản tháng 5.exe', 'application/pdf')).toBe('Biên bản tháng 5.pdf');
    expect(safeMinutesFileName('../../"evil"\r\n.png', 'image/png')).toBe('evil.png');
    expect(safeMinutesFileName(undefined, 'image/jpeg')).toBe('bien-ban.jpg');
  });
});

function multipart(name: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----dvtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('meetings and attendance on %s', (engine) => {
  let k: PartyLifeKit;
  let secretaryA: string;
  let secretaryOther: string;
  let grassrootsOfficer: string;
  let communeOfficer: string;
  let front: string;
  let memberA0: string;

  beforeAll(async () => {
    k = await buildPartyLifeKit(engine);
    secretaryA = await k.as('cell_secretary', k.tree.cellA.id);
    secretaryOther = await k.as('cell_secretary', k.tree.otherCell.id);
    grassrootsOfficer = await k.as('organization_officer', k.tree.grassroots.id);
    communeOfficer = await k.as('organization_officer', k.tree.commune.id);
    front = await k.as('front_officer', k.tree.commune.id);
    memberA0 = await k.as('member', k.tree.cellA.id, k.cellA[0].personId);
  });
  afterAll(async () => {
    await k?.close();
  });
  // Tests that put in a fixed list of temporary transfers give back the reader app.ts installed.
  let installed: ReturnType<typeof setTemporaryTransferSource> | null = null;
  const fakeTransfers = (fake: Parameters<typeof setTemporaryTransferSource>[0]) => {
    installed ??= setTemporaryTransferSource(fake);
  };
  afterEach(() => {
    if (installed) setTemporaryTransferSource(installed);
    installed = null;
  });

  const held = (date: string, o: Record<string, unknown> = {}) => ({
    kind: 'regular',
    status: 'held',
    date,
    topic: 'Sinh hoạt chi bộ định kỳ',
    chair: 'Nguyễn Văn An',
    minuteTaker: 'Trần Thị Bình',
    minutes: 'Chi bộ đánh giá tình hình tháng, triển khai nhiệm vụ tháng tới.',
    resolutions: 'Nghị quyết tháng',
    ...o,
  });

  async function newMeeting(cellId: number, body: Record<string, unknown>, cookie = secretaryA) {
    const res = await k.call<MeetingDetail>(cookie, 'POST', `/api/organizations/${cellId}/meetings`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it('records a meeting and the attendance of the whole cell on one sheet, in one save', async () => {
    const m = await newMeeting(k.tree.cellA.id, held('2026-05-05'));
    expect(m.sheet.map((s) => s.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']);
    expect(m.sheet.every((s) => s.expected && s.status === null)).toBe(true);
    expect(m.attendance).toBeNull();

    const entries = [
      { memberId: k.cellA[0].id, status: 'present' },
      { memberId: k.cellA[1].id, status: 'present' },
      { memberId: k.cellA[2].id, status: 'absent_with_reason', reason: 'Đi công tác huyện' },
      { memberId: k.cellA[3].id, status: 'absent_without_reason' },
      { memberId: k.cellA[4].id, status: 'present', reason: 'ignored for the present' },
    ];
    const before = await k.lastAuditId();
    const saved = await k.call<MeetingDetail>(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(m.version + 1);
    expect(saved.body.attendance).toEqual({ expected: 5, present: 3, absentWithReason: 1, absentWithoutReason: 1 });
    expect(saved.body.sheet.map((s) => [s.memberId, s.status, s.reason])).toEqual([
      [k.cellA[0].id, 'present', null],
      [k.cellA[1].id, 'present', null],
      [k.cellA[2].id, 'absent_with_reason', 'Đi công tác huyện'],
      [k.cellA[3].id, 'absent_without_reason', null],
      [k.cellA[4].id, 'present', null],
    ]);
    const audit = await k.auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'meeting.attendance', object_id: String(m.id), outcome: 'success' });

    // Read back: the same sheet, and the list counts it.
    const again = await k.call<MeetingDetail>(secretaryA, 'GET', `/api/meetings/${m.id}`);
    expect(again.body.sheet).toEqual(saved.body.sheet);
    const list = await k.call<CellMeetings>(secretaryA, 'GET', `/api/organizations/${k.tree.cellA.id}/meetings?year=2026`);
    expect(list.body.meetings.find((x) => x.id === m.id)?.attendance).toEqual({ expected: 5, present: 3, absentWithReason: 1, absentWithoutReason: 1 });

    // A stale version changes nothing.
    const stale = await k.call(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    // Correcting it: the sheet is replaced, not appended to.
    const fixed = await k.call<MeetingDetail>(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, {
      version: saved.body.version,
      entries: entries.map((e) => ({ ...e, status: 'present' })),
    });
    expect(fixed.body.attendance).toEqual({ expected: 5, present: 5, absentWithReason: 0, absentWithoutReason: 0 });
    const rows = await k.t.db.selectFrom('attendance').select('member_id').where('meeting_id', '=', m.id).execute();
    expect(rows).toHaveLength(5);
  });

  it('refuses attendance for someone not in the cell, an excused absence without reason, and a sheet with gaps', async () => {
    const m = await newMeeting(k.tree.cellA.id, held('2026-04-07'));
    const all = k.cellA.map((x) => ({ memberId: x.id, status: 'present' }));
    const stranger = await k.call(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [...all, { memberId: k.cellB[0].id, status: 'present' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.code).toBe('VALIDATION');
    expect(stranger.body.error.fields).toEqual([{ path: 'entries.5.memberId', code: 'not_in_cell', params: { memberId: k.cellB[0].id } }]);

    const noReason = await k.call(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: all.map((e, i) => (i === 1 ? { ...e, status: 'absent_with_reason', reason: '  ' } : e)),
    });
    expect(noReason.body.error.fields).toEqual([{ path: 'entries.1.reason', code: 'reason_required', params: { memberId: k.cellA[1].id } }]);

    const gaps = await k.call(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries: all.slice(0, 3) });
    expect(gaps.body.error.fields[0]).toMatchObject({ path: 'entries', code: 'attendance_incomplete', params: { count: 2 } });

    const planned = await newMeeting(k.tree.cellA.id, held('2026-07-05', { status: 'planned' }));
    const notHeld = await k.call(secretaryA, 'PUT', `/api/meetings/${planned.id}/attendance`, { version: planned.version, entries: all });
    expect(notHeld.body.error.fields).toEqual([{ path: 'status', code: 'meeting_not_held', params: { status: 'planned' } }]);

    // A meeting cannot be recorded as held in the future, nor dated before the cell existed.
    const future = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings`, held('2026-06-20'));
    expect(future.body.error.fields).toEqual([{ path: 'date', code: 'held_in_future', params: { today: '2026-06-15' } }]);
    const before = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings`, held('2019-12-05'));
    expect(before.body.error.fields[0]).toMatchObject({ path: 'date', code: 'outside_cell_lifetime' });
    const rows = await k.t.db.selectFrom('attendance').select('member_id').where('meeting_id', '=', m.id).execute();
    expect(rows).toEqual([]);
  });

  it('shows exempted and temporarily transferred members but does not expect them', async () => {
    const ex = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/exemptions`, exemptionBody(k.cellA[4].id, { from: '2026-03-01', to: '2026-12-31' }));
    expect(ex.status, JSON.stringify(ex.body)).toBe(201);
    fakeTransfers(async (_db, ids) =>
      ids.includes(k.cellA[3].id) ? [{ memberId: k.cellA[3].id, purpose: 'full_time_study', from: '2026-02-01', to: '2026-11-30' }] : [],
    );
    const m = await newMeeting(k.tree.cellA.id, held('2026-03-04'));
    const byId = new Map(m.sheet.map((s) => [s.memberId, s]));
    expect(byId.get(k.cellA[4].id)).toMatchObject({ expected: false, expectation: 'exempted' });
    expect(byId.get(k.cellA[3].id)).toMatchObject({ expected: false, expectation: 'temporary_transfer_out' });
    expect(byId.get(k.cellA[0].id)).toMatchObject({ expected: true, expectation: 'member' });

    // Saving without them is complete; the exempted member who came anyway is recorded present.
    const saved = await k.call<MeetingDetail>(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [
        ...k.cellA.slice(0, 3).map((x) => ({ memberId: x.id, status: 'present' })),
        { memberId: k.cellA[4].id, status: 'present' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.attendance).toEqual({ expected: 3, present: 4, absentWithReason: 0, absentWithoutReason: 0 });
    const stored = await k.t.db.selectFrom('attendance').selectAll().where('meeting_id', '=', m.id).where('member_id', '=', k.cellA[4].id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ expected: 0, expectation: 'exempted', status: 'present' });

    // Before the exemption (February) the same member was expected.
    const feb = await newMeeting(k.tree.cellA.id, held('2026-02-04'));
    expect(feb.sheet.find((s) => s.memberId === k.cellA[4].id)).toMatchObject({ expected: true });
  });

  it('re-judges stored attendance when an exemption is recorded afterwards', async () => {
    const { member } = await import('../../test/factories.ts').then((f) => f.buildMember(k.t.db, { organizationId: k.tree.cellB.id, person: { full_name: 'Đinh Văn Khoa' } }));
    const secretaryB = await k.as('cell_secretary', k.tree.cellB.id);
    const m = await newMeeting(k.tree.cellB.id, held('2026-01-06'), secretaryB);
    const entries = m.sheet.map((s) => ({ memberId: s.memberId, status: s.memberId === member.id ? 'absent_without_reason' : 'present' }));
    expect((await k.call(secretaryB, 'PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries })).status).toBe(200);
    const row = () => k.t.db.selectFrom('attendance').select(['expected', 'expectation']).where('meeting_id', '=', m.id).where('member_id', '=', member.id).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ expected: 1, expectation: 'member' });
    const ex = await k.call(secretaryB, 'POST', `/api/organizations/${k.tree.cellB.id}/exemptions`, exemptionBody(member.id, { requestedOn: '2025-12-20', decidedOn: '2025-12-28', from: '2026-01-01', superiorInformedOn: null }));
    expect(ex.status, JSON.stringify(ex.body)).toBe(201);
    expect(await row()).toEqual({ expected: 0, expectation: 'exempted' });
  });

  it('shows a cell which months had no regular meeting and which quarters no thematic one', async () => {
    const cell = k.tree.cellB.id;
    const secretaryB = await k.as('cell_secretary', cell);
    // January (above), February, April and May held; March only planned; a thematic meeting in the first quarter.
    for (const d of ['2026-02-03', '2026-04-02', '2026-05-06']) await newMeeting(cell, held(d), secretaryB);
    await newMeeting(cell, held('2026-03-03', { status: 'planned' }), secretaryB);
    await newMeeting(cell, held('2026-03-17', { kind: 'thematic', topic: 'Chuyên đề học tập và làm theo tư tưởng Hồ Chí Minh' }), secretaryB);
    const res = await k.call<CellMeetings>(secretaryB, 'GET', `/api/organizations/${cell}/meetings?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.compliance).toMatchObject({ year: 2026, fromMonth: 1, upToMonth: 5, missingMonths: [3], missingQuarters: [] });
    expect(res.body.compliance.regularByMonth).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(res.body.compliance.thematicByQuarter).toEqual([1, 0, 0, 0]);

    // 2025: nothing held at all, every month and quarter is missing.
    const last = await k.call<CellMeetings>(secretaryB, 'GET', `/api/organizations/${cell}/meetings?year=2025`);
    expect(last.body.compliance.missingMonths).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(last.body.compliance.missingQuarters).toEqual([1, 2, 3, 4]);
  });

  it('plans a year of regular and thematic meetings, and planning again adds nothing', async () => {
    const res = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings/plan`, {
      year: 2027,
      regularDay: 5,
      thematicMonths: [2, 6, 9, 11],
      thematicTopics: ['Chuyên đề 1', null, 'Chuyên đề 3'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(16);
    expect(res.body.meetings.filter((m: { kind: string }) => m.kind === 'thematic').map((m: { date: string; topic: string | null }) => [m.date, m.topic])).toEqual([
      ['2027-02-05', 'Chuyên đề 1'],
      ['2027-06-05', null],
      ['2027-09-05', 'Chuyên đề 3'],
      ['2027-11-05', null],
    ]);
    const again = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings/plan`, { year: 2027, regularDay: 10 });
    expect(again.body).toMatchObject({ created: 0, skipped: 16 });
    const wrong = await k.call(secretaryA, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings/plan`, { year: 2028, regularDay: 5, thematicMonths: [3, 3, 9, 12] });
    expect(wrong.body.error.fields).toEqual([{ path: 'thematicMonths.1', code: 'not_in_quarter', params: { quarter: 2 } }]);
  });

  it('lets the organization above see all its cells × months in one view, and each officer only their subtree', async () => {
    const view = await k.call<ComplianceView>(communeOfficer, 'GET', `/api/organizations/${k.tree.commune.id}/meeting-compliance?year=2026`);
    expect(view.status).toBe(200);
    expect(view.body.items.map((r) => r.cell.name)).toEqual(['Chi bộ Giáo viên', 'Chi bộ Hành chính', 'Chi bộ Thôn Bon Đưng']);
    const b = view.body.items.find((r) => r.cell.id === k.tree.cellB.id)!;
    expect(b).toMatchObject({ missingMonths: [3], missingQuarters: [], upToMonth: 5 });
    expect(b.cell.parentName).toBe('Đảng bộ Trường THPT Lang Biang');
    const other = view.body.items.find((r) => r.cell.id === k.tree.otherCell.id)!;
    expect(other.missingMonths).toEqual([1, 2, 3, 4, 5]);
    expect(other.missingQuarters).toEqual([1]);
    expect(view.body.totals).toMatchObject({ cells: 3, cellsWithGaps: 3 });

    const gapsOnly = await k.call<ComplianceView>(communeOfficer, 'GET', `/api/organizations/${k.tree.commune.id}/meeting-compliance?year=2026&gapsOnly=1&pageSize=2&page=2`);
    expect(gapsOnly.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(gapsOnly.body.items.map((r) => r.cell.id)).toEqual([k.tree.otherCell.id]);

    // The grassroots committee sees its two cells, not the sibling branch; its view of the commune is 404.
    const mine = await k.call<ComplianceView>(grassrootsOfficer, 'GET', `/api/organizations/${k.tree.grassroots.id}/meeting-compliance?year=2026`);
    expect(mine.body.items.map((r) => r.cell.id)).toEqual([k.tree.cellA.id, k.tree.cellB.id]);
    expect((await k.call(grassrootsOfficer, 'GET', `/api/organizations/${k.tree.commune.id}/meeting-compliance`)).status).toBe(404);
    // The officer above may record for any cell of its subtree.
    const m = await newMeeting(k.tree.cellB.id, held('2026-06-02'), grassrootsOfficer);
    expect(m.organization.id).toBe(k.tree.cellB.id);
  });

  it('keeps other branches out: 404 for another branch, 403 for the front officer, a member sees only their own party life', async () => {
    const m = await newMeeting(k.tree.cellA.id, held('2026-06-03'));
    const before = await k.lastAuditId();
    expect((await k.call(secretaryOther, 'GET', `/api/meetings/${m.id}`)).status).toBe(404);
    const put = await k.call(secretaryOther, 'PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries: [] });
    expect(put.status).toBe(404);
    expect(JSON.stringify(put.body)).not.toContain('Nguyễn Văn An');
    expect((await k.call(secretaryOther, 'PUT', `/api/meetings/${m.id}`, { ...held('2026-06-03'), version: m.version })).status).toBe(404);
    expect((await k.call(secretaryOther, 'GET', `/api/organizations/${k.tree.cellA.id}/meetings`)).status).toBe(404);
    expect((await k.call(secretaryOther, 'POST', `/api/organizations/${k.tree.cellA.id}/meetings`, held('2026-06-01'))).status).toBe(404);
    expect((await k.call(secretaryOther, 'GET', `/api/members/${k.cellA[0].id}/party-life`)).status).toBe(404);
    expect((await k.auditSince(before)).every((a) => a.outcome === 'denied')).toBe(true);
    const row = await k.t.db.selectFrom('meetings').select('version').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(m.version);

    expect((await k.call(front, 'GET', `/api/organizations/${k.tree.cellA.id}/meetings`)).status).toBe(403);
    expect((await k.call(front, 'GET', `/api/members/${k.cellA[0].id}/party-life`)).status).toBe(403);
    expect((await k.call(front, 'GET', `/api/organizations/${k.tree.commune.id}/meeting-compliance`)).status).toBe(403);

    const own = await k.call<MemberPartyLife>(memberA0, 'GET', `/api/members/${k.cellA[0].id}/party-life`);
    expect(own.status).toBe(200);
    expect(own.body.member.fullName).toBe('Nguyễn Văn An');
    expect((await k.call(memberA0, 'GET', `/api/members/${k.cellA[1].id}/party-life`)).status).toBe(404);
    expect((await k.call(memberA0, 'GET', `/api/organizations/${k.tree.cellA.id}/meetings`)).status).toBe(404);
    expect((await k.call(memberA0, 'GET', `/api/meetings/${m.id}`)).status).toBe(404);
    expect((await k.call(memberA0, 'PUT', `/api/meetings/${m.id}/attendance`, { version: 1, entries: [] })).status).toBe(403);
  });

  it('puts missed meetings on the member\'s party life, with the reason and the months that count (R-RMV-01)', async () => {
    const member = k.cellA[3];
    const res = await k.call<MemberPartyLife>(secretaryA, 'GET', `/api/members/${member.id}/party-life`);
    expect(res.status).toBe(200);
    // 05/05: absent without reason at first, then corrected to present; 03/04 not expected (on temporary transfer).
    expect(res.body.attendance.missed).toEqual([]);
    const m = await newMeeting(k.tree.cellA.id, held('2025-11-04', { topic: 'Sinh hoạt tháng 11' }));
    await k.call(secretaryA, 'PUT', `/api/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: k.cellA.map((x) => ({ memberId: x.id, status: x.id === member.id ? 'absent_without_reason' : 'present' })),
    });
    const m2 = await newMeeting(k.tree.cellA.id, held('2025-12-02'));
    await k.call(secretaryA, 'PUT', `/api/meetings/${m2.id}/attendance`, {
      version: m2.version,
      entries: k.cellA.map((x) => ({ memberId: x.id, status: x.id === member.id ? 'absent_with_reason' : 'present', reason: 'Ốm, nằm viện' })),
    });
    const after = await k.call<MemberPartyLife>(secretaryA, 'GET', `/api/members/${member.id}/party-life`);
    expect(after.body.attendance.missed.map((x) => [x.date, x.kind, x.status, x.reason])).toEqual([
      ['2025-12-02', 'regular', 'absent_with_reason', 'Ốm, nằm viện'],
      ['2025-11-04', 'regular', 'absent_without_reason', null],
    ]);
    expect(after.body.attendance.missed[1]).toMatchObject({ topic: 'Sinh hoạt tháng 11', expected: true, organization: { id: k.tree.cellA.id } });
    expect(after.body.attendance.monthsAbsentWithoutReason).toEqual([{ year: 2025, months: [11] }]);
    const audit = await k.t.db.selectFrom('audit_log').select(['action', 'object_id']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'member.party_life.read', object_id: String(member.id) });
  });

  it('stores scanned minutes only when the bytes are a PDF, JPEG or PNG, and gives them back', async () => {
    const m = await newMeeting(k.tree.cellA.id, held('2026-06-10'));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20)]);
    const up = multipart('Biên bản họp.pdf', pdf, 'application/pdf');
    const ok = await k.t.app.inject({ method: 'POST', url: `/api/meetings/${m.id}/minutes-file?version=${m.version}`, payload: up.payload, headers: { ...up.headers, cookie: secretaryA } });
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json() as MeetingDetail;
    expect(body.minutesFile).toMatchObject({ fileName: 'Biên bản họp.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    expect(body.hasMinutesFile).toBe(true);

    const fake = multipart('virus.pdf', Buffer.from('MZ\x90\x00 this is not a pdf'), 'application/pdf');
    const refused = await k.t.app.inject({ method: 'POST', url: `/api/meetings/${m.id}/minutes-file?version=${body.version}`, payload: fake.payload, headers: { ...fake.headers, cookie: secretaryA } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'file', code: 'file_type_not_allowed', params: { allowed: 'PDF, JPEG, PNG' } }]);

    const big = multipart('big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 10)]));
    const tooBig = await k.t.app.inject({ method: 'POST', url: `/api/meetings/${m.id}/minutes-file?version=${body.version}`, payload: big.payload, headers: { ...big.headers, cookie: secretaryA } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.fields[0]).toMatchObject({ path: 'file', code: 'file_too_large' });

    const down = await k.t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/minutes-file`, headers: { cookie: secretaryA } });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(String(down.headers['content-disposition'])).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf");
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await k.t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}/minutes-file`, headers: { cookie: secretaryOther } })).statusCode).toBe(404);
  });
});
