import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, PLANTED_MEMBERS } from '../server/demo/demo-accounts.ts';
import { launchBrowser, refuseForeignRequests, screenshot } from './support/browser.ts';
import { type E2eServer, startDemoServer } from './support/server.ts';

// Issue 2 journey: a cell secretary finds a member of their cell typed without diacritics, opens the
// record, and cannot reach a member of another cell by URL (scope, security.md items 1–3).

describe('a cell secretary finds a member of their cell and nothing else', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    refuseForeignRequests(page, server.url, foreign);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in as bithu1 through the login page', async () => {
    await page.goto(`${server.url}/login`);
    await screenshot(page, 'issue2-01-login');
    await page.getByLabel('Tên đăng nhập').fill('bithu1');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL(/\/members/);
    await expect.poll(() => page.getByText('Bí thư chi bộ').first().isVisible()).toBe(true);
  });

  it('finds "Nguyễn Văn An" typed as "nguyen van an" and opens the record with its timeline', async () => {
    const search = page.getByPlaceholder(/Tìm theo họ tên/);
    await search.fill('nguyen van an');
    await search.press('Enter');
    const link = page.getByRole('link', { name: PLANTED_MEMBERS.bithu1Member }).first();
    await link.waitFor();
    await screenshot(page, 'issue2-02-search');
    await link.click();
    await page.waitForURL(/\/members\/\d+$/);
    await expect.poll(() => page.getByText(PLANTED_MEMBERS.bithu1Member).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/\d{2}\/\d{2}\/\d{4}/).first().isVisible()).toBe(true);
    await screenshot(page, 'issue2-03-member');
  });

  it('cannot reach a member of bithu2’s cell by URL: the page says not found and shows none of the record', async () => {
    const other = await server.db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['members.id'])
      .where('persons.full_name', '=', PLANTED_MEMBERS.bithu2Member)
      .executeTakeFirstOrThrow();
    const api = await page.request.get(`${server.url}/api/members/${other.id}`);
    expect(api.status()).toBe(404);
    expect(await api.text()).not.toContain(PLANTED_MEMBERS.bithu2Member);

    await page.goto(`${server.url}/members/${other.id}`);
    await expect.poll(() => page.getByText(/Không tìm thấy/).first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain(PLANTED_MEMBERS.bithu2Member);
    await screenshot(page, 'issue2-04-out-of-scope');
  });

  it('made no request to any other host', () => {
    expect(foreign).toEqual([]);
  });
});
