import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchText } from '../common/rules/normalize-vi.ts';
import { DEMO_PASSWORD, PLANTED_MEMBERS } from '../server/demo/demo-accounts.ts';
import { chooseOption } from './support/admission-steps.ts';
import { launchBrowser, refuseForeignRequests, screenshot } from './support/browser.ts';
import { type E2eServer, startDemoServer } from './support/server.ts';

// Issue 2 journey: a cell secretary finds a member of their cell typed without diacritics, opens the
// record, and cannot reach a member of another cell by URL (scope, security.md items 1–3). A search by
// citizen id finds the member without the id ever reaching a URL, the history or storage (item 25).

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

  it('finds the member by citizen id with the id kept out of every URL, the history and storage', async () => {
    const citizenIdOf = async (fullName: string) =>
      (
        await server.db
          .selectFrom('members')
          .innerJoin('persons', 'persons.id', 'members.person_id')
          .select(['persons.citizen_id'])
          .where('persons.full_name', '=', fullName)
          .executeTakeFirstOrThrow()
      ).citizen_id!;
    const mine = await citizenIdOf(PLANTED_MEMBERS.bithu1Member);
    const theirs = await citizenIdOf(PLANTED_MEMBERS.bithu2Member);
    expect(mine).toMatch(/^\d{12}$/);

    const requests: Request[] = [];
    const visited: string[] = [];
    const onRequest = (req: Request) => requests.push(req);
    const onNavigated = () => visited.push(page.url());
    page.on('request', onRequest);
    page.on('framenavigated', onNavigated);
    try {
      await page.goto(`${server.url}/members?status=active`);
      const search = page.getByPlaceholder(/Tìm theo họ tên/);

      // A citizen id of another cell finds nothing.
      await search.fill(theirs);
      await search.press('Enter');
      await expect.poll(() => page.getByText('Không có đảng viên nào phù hợp').first().isVisible()).toBe(true);
      expect(await page.content()).not.toContain(PLANTED_MEMBERS.bithu2Member);

      await search.fill(mine);
      await search.press('Enter');
      await page.getByRole('link', { name: PLANTED_MEMBERS.bithu1Member }).first().waitFor();
      // The list shows only the last digits; the box still shows what was typed.
      await expect.poll(() => page.getByText(`••••••••${mine.slice(-4)}`).first().isVisible()).toBe(true);
      expect(await search.inputValue()).toBe(mine);
      await screenshot(page, 'issue2-03b-citizen-id-search');

      // Another filter goes into the address bar and keeps the search, whose id stays out of it.
      // (The rows on screen stay while the next page loads: wait for the filtered search itself, not for a row.)
      const filtered = page.waitForRequest((r) => r.url().includes('/api/members/search') && r.postDataJSON()?.gender === 'male');
      await page.getByLabel('Giới tính').click();
      await page.getByTitle('Nam', { exact: true }).click();
      await page.waitForURL(/gender=male/);
      await filtered;
      await page.getByRole('link', { name: PLANTED_MEMBERS.bithu1Member }).first().waitFor();
      expect(await search.inputValue()).toBe(mine);

      const searches = requests.filter((r) => r.url().includes('/api/members/search'));
      expect(new Set(searches.map((r) => r.method()))).toEqual(new Set(['POST']));
      expect(searches.map((r) => r.postDataJSON())).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ q: theirs, status: 'active' }),
          expect.objectContaining({ q: mine, status: 'active' }),
          expect.objectContaining({ q: mine, gender: 'male' }),
        ]),
      );
      for (const id of [mine, theirs]) {
        expect(requests.filter((r) => r.url().includes(id)).map((r) => r.url())).toEqual([]);
        expect([...visited, page.url()].filter((u) => u.includes(id))).toEqual([]);
        const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
        expect(stored).not.toContain(id);
      }
    } finally {
      page.off('request', onRequest);
      page.off('framenavigated', onNavigated);
    }

    // No client can put one in a URL: the GET refuses it and names the reason.
    const refused = await page.request.get(`${server.url}/api/members?q=${mine}`);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.fields).toEqual([{ path: 'querystring.q', code: 'citizen_id_in_url' }]);
  });

  it('finds an admission case, a candidate and a member to transfer by citizen id in their pages, the id out of every URL', async () => {
    const cellId = (await server.db.selectFrom('users').select('organization_id').where('username', '=', 'bithu1').executeTakeFirstOrThrow()).organization_id;
    // An applicant of bithu1's cell, given a citizen id here (the demo's applicants have none).
    const applicant = await server.db
      .selectFrom('admission_cases')
      .innerJoin('persons', 'persons.id', 'admission_cases.person_id')
      .select(['persons.id', 'persons.full_name'])
      .where('admission_cases.cell_id', '=', cellId)
      .orderBy('admission_cases.id')
      .executeTakeFirstOrThrow();
    const applicantId = '068199990425';
    expect(await server.db.selectFrom('persons').select('id').where('citizen_id', '=', applicantId).executeTakeFirst()).toBeUndefined();
    await server.db
      .updateTable('persons')
      .set({ citizen_id: applicantId, search_text: buildSearchText([applicant.full_name, applicantId]) })
      .where('id', '=', applicant.id)
      .execute();
    const member = await server.db
      .selectFrom('members')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select(['persons.full_name', 'persons.citizen_id'])
      .where('persons.full_name', '=', PLANTED_MEMBERS.bithu1Member)
      .executeTakeFirstOrThrow();
    const memberId = member.citizen_id!;

    const requests: Request[] = [];
    const visited: string[] = [];
    const onRequest = (req: Request) => requests.push(req);
    const onNavigated = () => visited.push(page.url());
    page.on('request', onRequest);
    page.on('framenavigated', onNavigated);
    try {
      const searches = [
        { path: '/admissions?view=list&scope=all', placeholder: 'Tìm theo họ tên', id: applicantId, name: applicant.full_name, api: '/api/admissions' },
        { path: '/candidates', placeholder: 'Tìm theo họ tên hoặc số CCCD (gõ không dấu cũng được)', id: applicantId, name: applicant.full_name, api: '/api/candidates' },
      ];
      for (const s of searches) {
        await page.goto(`${server.url}${s.path}`);
        const box = page.getByPlaceholder(s.placeholder, { exact: true });
        await box.fill(s.id);
        await box.press('Enter');
        await page.getByRole('link', { name: s.name }).first().waitFor();
        expect(await box.inputValue()).toBe(s.id);
        const posted = requests.filter((r) => r.url().endsWith(`${s.api}/search`));
        expect(posted.map((r) => r.method()), s.api).toContain('POST');
        expect(posted.map((r) => r.postDataJSON().q)).toContain(s.id);
      }
      // A picker: the member of a new transfer letter, chosen by citizen id.
      await page.goto(`${server.url}/transfers/new`);
      await chooseOption(page, page.getByLabel('Đảng viên', { exact: true }), new RegExp(`^${member.full_name} ·`), memberId);
      await page.getByText(/Đang sinh hoạt tại: /).waitFor();
      const picked = requests.filter((r) => r.url().endsWith('/api/transfers/member-options/search'));
      expect(picked.map((r) => [r.method(), r.postDataJSON().q])).toContainEqual(['POST', memberId]);
      for (const id of [applicantId, memberId]) {
        expect(requests.filter((r) => r.url().includes(id)).map((r) => r.url())).toEqual([]);
        expect([...visited, page.url()].filter((u) => u.includes(id))).toEqual([]);
        const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
        expect(stored).not.toContain(id);
      }
      await screenshot(page, 'issue2-03c-picker-citizen-id-search');
    } finally {
      page.off('request', onRequest);
      page.off('framenavigated', onNavigated);
    }
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
