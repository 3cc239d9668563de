import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CellMeetings, MeetingDetail } from '../common/contracts/meetings.contract.ts';
import type { MemberDetail } from '../common/contracts/members.contract.ts';
import type { RemovalCase, VoteBaseView } from '../common/contracts/removal.contract.ts';
import type { Flag, FlagList, Oversight, ScreeningRunList } from '../common/contracts/screening.contract.ts';
import { demoCellNames, PLANTED_MEMBERS } from '../server/demo/demo-accounts.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { apiOf, docxBodyXml, newPerson, shot, TODAY, typeDate, vi } from './support/admission-steps.ts';
import { calmShot, loginThroughPage, putJson, waitForToast } from './support/party-life-steps.ts';
import { type E2eServer, startDemoServer } from './support/server.ts';

// Issue 5 journey (Tests, "a browser journey"): bithu1 runs screening for the cell in the page and watches it finish,
// opens the R-RMV-01 flag of a member absent without reason in three months of the year, sees the months and the
// meetings, reviews it by opening a name-removal case, records the self-review and the cell's vote (with the computed
// base) in the page; tochuc, the competent body's officer, records the decision in the page and downloads the Word
// decision; the member is struck off with it on the timeline; the oversight view counts the flag as reviewed.
// Setup that is not what the journey is about (three absences) goes through the API from bithu1's page.

const CELLS = demoCellNames();
const YEAR = Number(TODAY.slice(0, 4));
/** Three months of the year, all past, for the absences. */
const MONTHS = [3, 4, 5].map((m) => `${YEAR}-${String(m).padStart(2, '0')}`);
const DECISION_NUMBER = '27-QĐ/HU';
const SIGNER = 'Trần Văn Bình';

describe('issue 5: screening finds a member, the cell reviews the flag by a name-removal case, the competent body decides', () => {
  let server: E2eServer;
  let browser: Browser;
  let secretary: Page; // bithu1
  let officer: Page; // tochuc
  const foreign: string[] = [];
  const started = Date.now();

  let cellId = 0;
  let member = { id: 0, fullName: '' };
  let absentMeetings: { id: number; date: string }[] = [];
  let flag: Flag | null = null;
  let caseId = 0;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    console.log(`issue 5 journey: ${((Date.now() - started) / 1000).toFixed(1)} s (server start included)`);
    await browser?.close();
    await server?.close();
  });

  let failedAt: string | null = null;
  beforeEach((ctx) => {
    if (failedAt && !ctx.task.name.startsWith('(6)')) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || failedAt) return;
    failedAt = ctx.task.name;
    for (const [who, page] of Object.entries({ secretary, officer })) if (page && !page.isClosed()) await screenshot(page, `issue5-failed-${who}`).catch(() => undefined);
  });

  it('(1) bithu1’s cell has a member absent without reason in three months of the year (recorded through the API)', async () => {
    secretary = await newPerson(browser, server.url, foreign);
    await loginThroughPage(secretary, 'bithu1');
    const api = apiOf(secretary);
    const me = await api.get<{ organization: { id: number; name: string }; memberId: number | null }>('/api/auth/me');
    cellId = me.organization.id;
    expect(me.organization.name).toBe(CELLS.bithu1);

    // The regular meeting of each of the three months, held, with its sheet.
    const list = await api.get<CellMeetings>(`/api/organizations/${cellId}/meetings?year=${YEAR}`);
    const meetings: MeetingDetail[] = [];
    for (const month of MONTHS) {
      const m = list.meetings.find((x) => x.kind === 'regular' && x.status === 'held' && x.date.startsWith(month));
      expect(m, `a held regular meeting in ${month}`).toBeDefined();
      meetings.push(await api.get<MeetingDetail>(`/api/meetings/${m!.id}`));
    }

    // An official member expected at all three, with a plain name, not a planted one, not bithu1, no open case.
    const options = await api.get<{ items: { id: number; fullName: string; status: string; openCaseId: number | null }[] }>(`/api/removal/member-options?organizationId=${cellId}`);
    const planted: string[] = Object.values(PLANTED_MEMBERS);
    const pick = options.items.find(
      (o) =>
        o.status === 'official' &&
        o.openCaseId === null &&
        o.id !== me.memberId &&
        !planted.includes(o.fullName) &&
        /^[\p{L} ]+$/u.test(o.fullName) &&
        options.items.filter((x) => x.fullName === o.fullName).length === 1 &&
        meetings.every((m) => m.sheet.find((r) => r.memberId === o.id)?.expectation === 'member'),
    );
    expect(pick, 'a member of the cell to mark absent').toBeDefined();
    member = { id: pick!.id, fullName: pick!.fullName };

    for (const m of meetings) {
      const entries = m.sheet
        .filter((r) => r.expected && !r.formerMember)
        .map((r) =>
          r.memberId === member.id ? { memberId: r.memberId, status: 'absent_without_reason', reason: null } : { memberId: r.memberId, status: r.status ?? 'present', reason: r.reason },
        );
      const saved = await putJson<MeetingDetail>(secretary, `/api/meetings/${m.id}/attendance`, { version: m.version, entries });
      expect(saved.sheet.find((r) => r.memberId === member.id)).toMatchObject({ status: 'absent_without_reason' });
    }
    absentMeetings = meetings.map((m) => ({ id: m.id, date: m.date }));
  });

  it('(2) bithu1 runs screening for the cell in the page, sees the R-RMV-01 flag and its evidence', async () => {
    const api = apiOf(secretary);
    const runsBefore = (await api.get<ScreeningRunList>(`/api/screening/runs?organizationId=${cellId}&year=${YEAR}`)).items;

    await secretary.getByRole('menuitem', { name: 'Rà soát, sàng lọc', exact: true }).first().click();
    await secretary.waitForURL(/\/screening(\?|$)/);
    await secretary.getByRole('heading', { name: `Rà soát, sàng lọc đảng viên ${YEAR}` }).waitFor();
    await shot(secretary, 'issue5-01-screening-before');

    // Record every state the run panel passes through, so a short run's progress is still seen.
    await secretary.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __runTexts: string[] }).__runTexts = seen;
      new MutationObserver(() => {
        const t = document.body.innerText;
        for (const s of ['Đang rà soát…', 'Đã xét ']) if (t.includes(s) && !seen.includes(s)) seen.push(s);
        for (const sel of ['.ant-btn-loading', '.ant-progress-status-active']) if (document.querySelector(sel) && !seen.includes(sel)) seen.push(sel);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await secretary.getByRole('button', { name: 'Chạy rà soát' }).click();

    // The run recorded by the server, finished; the page says so with its figures.
    let runs = runsBefore;
    await expect.poll(async () => {
      runs = (await api.get<ScreeningRunList>(`/api/screening/runs?organizationId=${cellId}&year=${YEAR}`)).items;
      return runs.length > runsBefore.length ? runs[0].status : 'not started';
    }, { timeout: 30_000 }).toBe('succeeded');
    const run = runs[0];
    await secretary
      .getByText(`Rà soát xong lúc`)
      .filter({ hasText: `${run.flagsFound} trường hợp, ${run.flagsNew} mới` })
      .waitFor();
    await secretary.getByRole('button', { name: 'Chạy rà soát' }).waitFor();
    const seen = await secretary.evaluate(() => (window as unknown as { __runTexts: string[] }).__runTexts);
    console.log(`issue 5: run #${run.id} over ${run.membersTotal} members; progress states seen in the page: ${JSON.stringify(seen)}`);
    // A cell of ~30 members is screened in milliseconds, faster than the panel's polling: the in-progress state is
    // logged, not required. What is required: the finished run's complete progress bar and figures.
    expect(run.membersDone).toBe(run.membersTotal);
    const panel = secretary.locator('.ant-card').filter({ has: secretary.getByRole('button', { name: 'Chạy rà soát' }) });
    await panel.locator('.ant-progress.ant-progress-status-success').waitFor();

    const flags = await api.get<FlagList>(`/api/screening/flags?organizationId=${cellId}&year=${YEAR}&memberId=${member.id}&kind=missed_activities`);
    expect(flags.items).toHaveLength(1);
    flag = flags.items[0];
    expect(flag).toMatchObject({ ruleId: 'R-RMV-01', status: 'open', member: { id: member.id } });
    for (const m of MONTHS) expect(flag.evidence.months).toContain(m);
    for (const m of absentMeetings) expect(flag.evidence.meetingIds).toContain(m.id);

    // The flag in the cell's list: the member, the rule, the months.
    const row = secretary.locator('tr.ant-table-row', { has: secretary.locator(`a[href="/members/${member.id}"]`) }).filter({ hasText: 'Bỏ sinh hoạt 3 tháng/năm' });
    await row.getByText('R-RMV-01').waitFor();
    const months = flag.evidence.months!;
    const summary = `tháng ${months.map((m) => Number(m.slice(5, 7))).join(', ')}/${YEAR}`;
    await row.getByRole('button', { name: summary }).waitFor();
    await row.getByText('Chưa xem xét').waitFor();
    await calmShot(secretary, 'issue5-02-screening-flags');

    // The evidence: the months and the meetings, with links to them; the rule id in the drawer's title.
    await row.getByRole('button', { name: summary }).click();
    const drawer = secretary.getByRole('dialog').filter({ hasText: 'Mã trường hợp' });
    await drawer.waitFor();
    await drawer.getByText('R-RMV-01', { exact: true }).first().waitFor();
    await drawer.getByText('Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng', { exact: false }).waitFor();
    for (const m of MONTHS) await drawer.getByText(`tháng ${Number(m.slice(5, 7))}/${YEAR}`, { exact: true }).waitFor();
    for (const m of absentMeetings) await drawer.locator(`a[href="/party-life/meetings/${m.id}"]`, { hasText: `Sinh hoạt ngày ${vi(m.date)}` }).waitFor();
    await drawer.getByRole('link', { name: member.fullName }).waitFor();
    await calmShot(secretary, 'issue5-03-flag-evidence');
  });

  it('(3) bithu1 reviews the flag by opening a name-removal case, records the self-review and the cell’s vote', async () => {
    const api = apiOf(secretary);
    const drawer = secretary.getByRole('dialog').filter({ hasText: 'Mã trường hợp' });
    await drawer.getByRole('button', { name: 'Xem xét' }).click();
    const modal = secretary.locator('.ant-modal').filter({ hasText: `Xem xét trường hợp: ${member.fullName}` });
    await modal.waitFor();
    // Opening a removal case is the default, on the ground the flag already is.
    await expect.poll(() => modal.getByRole('radio', { name: /Lập hồ sơ đưa ra khỏi Đảng/ }).isChecked()).toBe(true);
    await modal.getByText('Bỏ sinh hoạt đảng 3 tháng trong năm').waitFor();
    await modal.getByLabel('Ghi chú').fill('Chi bộ đã nhắc nhở nhiều lần, đồng chí không tham gia sinh hoạt.');
    await calmShot(secretary, 'issue5-04-review-modal');
    await modal.getByRole('button', { name: 'Ghi quyết định' }).click();

    await secretary.waitForURL(/\/removal\/cases\/\d+$/);
    caseId = Number(new URL(secretary.url()).pathname.split('/').pop());
    await secretary.getByRole('heading', { name: `#${caseId} · ${member.fullName}` }).waitFor();
    await secretary.locator('.ant-tag', { hasText: 'Chờ tự kiểm điểm' }).first().waitFor();
    await secretary.getByText('Bỏ sinh hoạt 3 tháng/năm').first().waitFor();
    await shot(secretary, 'issue5-05-case-opened');

    const reviewed = await api.get<Flag>(`/api/screening/flags/${flag!.id}`);
    expect(reviewed).toMatchObject({ status: 'closed', review: { decision: 'removal_case', removalCaseId: caseId } });
    let c = await api.get<RemovalCase>(`/api/removal/cases/${caseId}`);
    expect(c).toMatchObject({ form: 'struck_off', status: 'self_review', grounds: ['missed_activities'], flag: { id: flag!.id, ruleId: 'R-RMV-01' } });

    // The member reviewed themself before the cell today (R-RMV-03).
    await typeDate(secretary.getByLabel('Ngày tự kiểm điểm'), TODAY);
    await secretary.getByRole('button', { name: 'Ghi việc tự kiểm điểm' }).click();
    await waitForToast(secretary, 'Đã ghi.');
    await secretary.locator('.ant-tag', { hasText: 'Chờ chi bộ biểu quyết' }).first().waitFor();
    await secretary.getByText(`Đảng viên đã tự kiểm điểm ngày ${vi(TODAY)}.`).first().waitFor();

    // The vote: the page computes the base for the meeting date (R-ADM-09) as the server does.
    const base = await api.get<VoteBaseView>(`/api/removal/cases/${caseId}/vote-base?date=${TODAY}`);
    expect(base.base).toBeGreaterThan(0);
    const required = Math.max(1, Math.ceil((base.base * 2) / 3));
    const approve = Math.min(base.base, base.presentVoters);
    expect(approve).toBeGreaterThanOrEqual(required);
    await typeDate(secretary.getByLabel('Ngày họp chi bộ'), TODAY);
    await secretary
      .getByText(`${base.base} = ${base.official} đảng viên chính thức − ${base.temporarilyTransferredOut} chuyển sinh hoạt tạm thời − ${base.absentExempted} miễn sinh hoạt vắng mặt`)
      .waitFor();
    await secretary.getByText(`Cần ít nhất ${required} phiếu tán thành (2/3).`).waitFor();
    await secretary.getByLabel('Tán thành', { exact: true }).fill(String(approve));
    await calmShot(secretary, 'issue5-06-vote-form');
    await secretary.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await secretary.locator('.ant-tag', { hasText: 'Chờ cấp có thẩm quyền quyết định' }).first().waitFor();
    await secretary.getByText(`${approve}/${base.base} tán thành ngày ${vi(TODAY)}`).first().waitFor();

    c = await api.get<RemovalCase>(`/api/removal/cases/${caseId}`);
    expect(c).toMatchObject({ status: 'decision', selfReviewedOn: TODAY, vote: { approve, reject: 0, base: { base: base.base } } });
    // The cell secretary cannot decide: no decision form on their page.
    expect(c.allowedActions).not.toContain('record_decision');
    expect(await secretary.getByRole('button', { name: 'Ghi quyết định' }).count()).toBe(0);
    expect(c.competentBody).not.toBeNull();
    await calmShot(secretary, 'issue5-07-awaiting-decision');
  });

  it('(4) tochuc records the competent body’s decision in the page, downloads it; the member is struck off', async () => {
    officer = await newPerson(browser, server.url, foreign);
    await loginThroughPage(officer, 'tochuc');
    const api = apiOf(officer);
    const before = await api.get<RemovalCase>(`/api/removal/cases/${caseId}`);
    expect(before.allowedActions).toContain('record_decision');

    await officer.goto(`/removal/cases/${caseId}`);
    await officer.getByRole('heading', { name: `#${caseId} · ${member.fullName}` }).waitFor();
    const card = officer.locator('.ant-card').filter({ has: officer.locator('.ant-card-head-title', { hasText: 'Quyết định của cấp có thẩm quyền' }) });
    await card.waitFor();
    await card.getByText(`Cấp có thẩm quyền (R-ADM-14): ${before.competentBody!.name}`).waitFor();
    expect(await card.getByLabel('Ngày quyết định').inputValue()).toBe(vi(TODAY));
    await card.getByLabel('Số quyết định').fill(DECISION_NUMBER);
    await card.getByLabel('Người ký', { exact: true }).fill(SIGNER);
    await calmShot(officer, 'issue5-08-decision-form');
    await card.getByRole('button', { name: 'Ghi quyết định' }).click();
    await officer.locator('.ant-tag', { hasText: 'Chờ thu hồi thẻ' }).first().waitFor();
    await officer.getByText(`Quyết định số ${DECISION_NUMBER} ngày ${vi(TODAY)}`).first().waitFor();
    await shot(officer, 'issue5-09-decided');

    const after = await api.get<RemovalCase>(`/api/removal/cases/${caseId}`);
    expect(after).toMatchObject({ status: 'card_collection', decidedOn: TODAY, decisionNumber: DECISION_NUMBER, competentBodyDecided: true, member: { status: 'struck_off' } });

    const link = officer.getByRole('link', { name: 'Tải quyết định (Word)' });
    const [download] = await Promise.all([officer.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const xml = await docxBodyXml((await download.path())!);
    expect(xml).toContain(member.fullName);
    expect(xml).toContain(DECISION_NUMBER);

    // The record: struck off, and the timeline says so.
    await officer.getByRole('link', { name: member.fullName }).first().click();
    await officer.waitForURL(new RegExp(`/members/${member.id}$`));
    await officer.getByRole('heading', { name: member.fullName }).waitFor();
    await officer.locator('.ant-tag', { hasText: 'Đã xóa tên' }).first().waitFor();
    const timeline = officer.locator('.ant-card').filter({ has: officer.locator('.ant-card-head-title', { hasText: 'Quá trình sinh hoạt đảng' }) });
    const event = timeline.locator('.ant-timeline-item').filter({ hasText: 'Xóa tên' });
    await event.first().waitFor();
    expect(await event.first().textContent()).toContain(vi(TODAY));
    await shot(officer, 'issue5-10-member-struck-off');

    const record = await api.get<MemberDetail>(`/api/members/${member.id}`);
    expect(record.status).toBe('struck_off');
    expect(record.timeline.some((e) => e.kind === 'struck_off' && e.eventDate === TODAY)).toBe(true);
  });

  it('(5) tochuc’s oversight view counts the cell’s flag as reviewed', async () => {
    const api = apiOf(officer);
    const me = await api.get<{ organization: { id: number } }>('/api/auth/me');
    const oversight = await api.get<Oversight>(`/api/screening/oversight?organizationId=${me.organization.id}&year=${YEAR}`);
    const cellRow = oversight.rows.find((r) => r.organization.id === cellId);
    expect(cellRow, 'the cell’s row in the oversight').toBeDefined();
    expect(cellRow!.reviewed).toBeGreaterThanOrEqual(1);
    expect(cellRow!.removalCase).toBeGreaterThanOrEqual(1);

    await officer.getByRole('menuitem', { name: 'Giám sát rà soát', exact: true }).first().click();
    await officer.waitForURL(/\/screening\/oversight/);
    await officer.getByRole('heading', { name: `Giám sát việc xem xét của các chi bộ ${YEAR}` }).waitFor();
    // The cell's row: the columns read by their headers.
    const table = officer.locator('.ant-table').last();
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const row = table.locator('tr.ant-table-row', { has: officer.locator(`a[href="/screening?org=${cellId}&year=${YEAR}"]`) });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    const at = (h: string) => cells[headers.indexOf(h)];
    expect(at('Chi bộ')).toBe(CELLS.bithu1);
    expect(at('Phát hiện')).toBe(String(cellRow!.raised));
    expect(at('Đã xem xét')).toBe(String(cellRow!.reviewed));
    expect(at('Đưa ra khỏi Đảng')).toBe(String(cellRow!.removalCase));
    await row.scrollIntoViewIfNeeded();
    await calmShot(officer, 'issue5-11-oversight');
  });

  it('(6) made no request to any other host', () => {
    expect(foreign).toEqual([]);
  });
});
