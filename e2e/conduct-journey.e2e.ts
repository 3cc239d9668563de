import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDetail } from '../common/contracts/members.contract.ts';
import type { Flag, FlagList, ScreeningRun } from '../common/contracts/screening.contract.ts';
import { PLANTED_MEMBERS } from '../server/demo/demo-accounts.ts';
import { launchBrowser } from './support/browser.ts';
import { apiOf, newPerson, shot, TODAY, typeDate } from './support/admission-steps.ts';
import { calmShot, loginThroughPage } from './support/party-life-steps.ts';
import { type E2eServer, startDemoServer } from './support/server.ts';

// Issue 5, item 2 (R-RMV-06): conduct outside party discipline is a source of screening. bithu1 records on the member
// page an administrative sanction and a low opinion of the Fatherland Front for this year; a screening run of the cell
// raises discipline_or_violation and low_prestige for the member, and the flag's evidence names the document and the
// Front committee as they were typed.

const YEAR = Number(TODAY.slice(0, 4));
const REFERENCE = '318/QĐ-XPHC';
const BODY = 'Công an xã Lạc Dương';
const FRONT = 'Ban công tác Mặt trận thôn Đạ Nghịch';

describe('issue 5: a violation and a Front opinion recorded on the member page become screening flags with their evidence', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];
  let member: MemberDetail;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await newPerson(browser, server.url, foreign);
    await loginThroughPage(page, 'bithu1');
    const row = await server.db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select('members.id')
      .where('persons.full_name', '=', PLANTED_MEMBERS.bithu1Member)
      .executeTakeFirstOrThrow();
    member = await apiOf(page).get<MemberDetail>(`/api/members/${row.id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records an administrative sanction in the member page', async () => {
    await page.goto(`/members/${member.id}`);
    await page.getByRole('button', { name: 'Ghi nhận vi phạm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Vi phạm pháp luật', { exact: true }).click();
    await dialog.getByLabel('Hình thức').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Xử phạt hành chính' }).click();
    await typeDate(dialog.getByLabel('Ngày quyết định'), TODAY);
    await dialog.getByLabel('Cơ quan quyết định').fill(BODY);
    await dialog.getByLabel('Số, ký hiệu văn bản').fill(REFERENCE);
    await dialog.getByLabel('Nội dung').fill('Điều khiển xe mô tô sau khi uống rượu bia.');
    await shot(page, 'issue5-conduct-01-violation-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(REFERENCE).first().isVisible()).toBe(true);
    expect(await page.getByText('Xử phạt hành chính').first().isVisible()).toBe(true);
  });

  it('records a low opinion of the Front for this year', async () => {
    await page.getByRole('button', { name: 'Ghi nhận ý kiến' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Năm').fill(String(YEAR));
    await dialog.getByText('Thấp', { exact: true }).click();
    await dialog.getByLabel('Nhận xét').fill('Nhân dân phản ánh đồng chí ít tham gia sinh hoạt khu dân cư.');
    await typeDate(dialog.getByLabel('Ngày cho ý kiến'), TODAY);
    await dialog.getByLabel('Nơi cho ý kiến').fill(FRONT);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(FRONT).first().isVisible()).toBe(true);
    await shot(page, 'issue5-conduct-02-member-panel');
  });

  it('a screening run of the cell raises both flags, and the evidence names the document and the Front committee', async () => {
    const api = apiOf(page);
    const run = await api.post<ScreeningRun>('/api/screening/runs', { organizationId: member.organization.id, year: YEAR });
    await expect.poll(async () => (await api.get<ScreeningRun>(`/api/screening/runs/${run.id}`)).status, { timeout: 30_000 }).toBe('succeeded');
    const flags = await api.get<FlagList>(`/api/screening/flags?organizationId=${member.organization.id}&year=${YEAR}&memberId=${member.id}`);
    const byKind = new Map<string, Flag>(flags.items.map((f) => [f.kind, f]));
    expect(byKind.get('discipline_or_violation')?.violationRecords).toEqual([expect.objectContaining({ reference: REFERENCE, decidedBy: BODY, form: 'administrative_sanction' })]);
    expect(byKind.get('low_prestige')?.frontOpinions).toEqual([expect.objectContaining({ year: YEAR, rating: 'low', givenBy: FRONT })]);

    await page.goto(`/screening?org=${member.organization.id}&year=${YEAR}&kind=discipline_or_violation`);
    const row = page.getByRole('row', { name: new RegExp(PLANTED_MEMBERS.bithu1Member) });
    const evidence = row.getByRole('button', { name: `Xử phạt hành chính ${REFERENCE}` });
    await evidence.waitFor();
    // The evidence drawer names the record as typed: form, document, deciding body, date.
    await evidence.click();
    await expect.poll(() => page.getByRole('link', { name: new RegExp(`Xử phạt hành chính · ${REFERENCE} · ${BODY}`) }).isVisible()).toBe(true);
    await calmShot(page, 'issue5-conduct-03-flag-evidence');
  });

  it('made no request to any other host', () => {
    expect(foreign).toEqual([]);
  });
});
