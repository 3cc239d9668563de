import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-accounts.ts';
import { addDays, formatDateVi, todayInVietnam, type IsoDate } from '../../common/rules/iso-date.ts';
import { refuseForeignRequests, screenshot } from './browser.ts';

// Helpers of the issue-3 admission journey only (e2e/admission-journey.e2e.ts): one browser context per person,
// Ant Design inputs driven the way a user drives them, and API calls made from the page (its session cookie).

/** Business dates are Vietnam's (architecture principle 6); the browser runs in the same zone as its users. */
export const TODAY: IsoDate = todayInVietnam(new Date());
export const daysAgo = (n: number): IsoDate => addDays(TODAY, -n);
/** As the pages show and accept a date: dd/mm/yyyy. */
export const vi = (iso: IsoDate): string => formatDateVi(iso);

/** A fresh context (no cookie shared with another person) whose every request is watched for foreign hosts. */
export async function newPerson(browser: Browser, origin: string, foreign: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  refuseForeignRequests(page, origin, foreign);
  return page;
}

/** A screenshot once the page has settled: no spinner or skeleton left from a refetch, no content still fading back in. */
export async function shot(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning:visible, .ant-skeleton:visible').count()).toBe(0);
  await expect
    .poll(() => page.locator('.ant-spin-container').evaluateAll((els) => els.filter((e) => getComputedStyle(e).opacity !== '1').length))
    .toBe(0);
  await screenshot(page, name);
}

/** Login through the API from the page's context (the cookie lands in the context), as architecture.md allows. */
export async function loginThroughApi(page: Page, username: string): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
}

/** JSON calls carrying the page's session cookie; a non-2xx answer fails with its body (the error code says why). */
export function apiOf(page: Page) {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown): Promise<T> => {
    const res = await page.request.fetch(url, { method, data });
    if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, data: unknown) => call<T>('POST', url, data),
    patch: <T>(url: string, data: unknown) => call<T>('PATCH', url, data),
  };
}

/**
 * Types a date into an Ant Design date picker as dd/mm/yyyy and leaves the field with Tab, which commits it
 * (Enter would also submit the surrounding form).
 */
export async function typeDate(input: Locator, iso: IsoDate): Promise<void> {
  await input.click();
  await input.fill(vi(iso));
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(vi(iso));
}

/** The open dropdown of a Select or TreeSelect (Ant Design renders it in a portal at the end of the body). */
const openPopup = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Opens a Select, optionally types to search, and clicks the option whose text matches. */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.fill(search);
  await openPopup(page).locator('.ant-select-item-option', { hasText: option }).first().click();
  await openPopup(page).waitFor({ state: 'hidden' });
}

/** Opens a TreeSelect, types to search (diacritics optional), and clicks the node with that exact name. */
export async function chooseTreeNode(page: Page, select: Locator, search: string, name: string): Promise<void> {
  await select.click();
  await select.fill(search);
  // A node reads "<name> · <kind>"; the name is matched whole, up to the kind.
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await openPopup(page).getByRole('treeitem').filter({ hasText: new RegExp(`^${escaped} ·`) }).click();
  await openPopup(page).waitFor({ state: 'hidden' });
}

/** The status tag beside the person's name at the top of the case page. */
export function caseStatusTag(page: Page): Locator {
  return page.locator('h3').first().locator('xpath=..').locator('.ant-tag').first();
}

export async function waitForCaseStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => caseStatusTag(page).textContent(), { timeout: 15_000 }).toBe(status);
}

/** Clicks "✓ Hoàn thành bước «from»" on the current-step tab and waits until the case shows the next step. */
export async function completeStep(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `✓ Hoàn thành bước «${from}»` }).click();
  await waitForCaseStatus(page, to);
}

/** The tab panel on screen (the case page keeps visited tabs mounted, hidden: role queries skip hidden ones). */
export function activeTab(page: Page): Locator {
  return page.getByRole('tabpanel');
}

export async function openTab(page: Page, name: string | RegExp): Promise<Locator> {
  await page.getByRole('tab', { name }).click();
  return activeTab(page);
}

/** Rows of the checklist tab as the page shows them: [step, rule id, result]. */
export async function checklistRows(tab: Locator): Promise<{ step: string; rule: string; result: string }[]> {
  await tab.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  return tab.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return { step: cells[0] ?? '', rule: cells[1] ?? '', result: cells[2] ?? '' };
    }),
  );
}

/** The text of word/document.xml of a .docx file. */
export async function docxBodyXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error(`${path}: no word/document.xml`);
  return xml;
}

/** The shape of the case the journey reads back from the API (a subset of ZAdmissionCaseDetail). */
export interface CaseView {
  id: number;
  version: number;
  status: string;
  person: { fullName: string };
  cell: { id: number; name: string };
  competentBodies: { admission: { id: number; name: string } | null };
  file: { massOrganizations: { key: string; name: string }[] };
  checklist: { step: string; ruleId: string; ok: boolean; code: string }[];
  verifications: { id: number; subjectKey: string; conclusion: string | null }[];
  introducers: { id: number; fullName: string; monthsWithApplicant: number }[];
  votes: { kind: string; base: number; required: number | null; approve: number; thresholdMet: boolean }[];
  refusals: { actionType: string; violations: { ruleId: string; code: string }[] }[];
  generated: string[];
  memberId: number | null;
}

export interface RollView {
  items: { memberId: number; personId: number; fullName: string; standing: 'official' | 'probationary'; exemptedOnRecord: boolean; transferredOutOnRecord: boolean }[];
}
