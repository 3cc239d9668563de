import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-accounts.ts';
import { shot } from './admission-steps.ts';

// Helpers of the issue-4 party-life journey only (e2e/party-life-journey.e2e.ts). The generic ones (a person's
// context, settled screenshots, API calls from the page, dates, Ant Design selects) come from admission-steps.ts.

/** Logs in on the login page as a person would: username, password, the button; waits to leave /login. */
export async function loginThroughPage(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** True once the element has the keyboard focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** A row of the attendance sheet (the one-screen sheet marks rows with data-attendance-row = index). */
export function sheetRow(page: Page, index: number): Locator {
  return page.locator(`[data-attendance-row="${index}"]`);
}

/** The status chosen in a sheet row's radio group, as its label reads ('1 · Có mặt' …), or null. */
export async function markOf(page: Page, name: string): Promise<string | null> {
  const group = page.getByRole('radiogroup', { name: `Điểm danh ${name}` });
  const checked = group.locator('label.ant-radio-button-wrapper-checked');
  return (await checked.count()) === 0 ? null : ((await checked.textContent())?.trim() ?? null);
}

/** The value shown by one of the collection screen's statistic cards ("Phải thu", "Đã thu", "Còn thiếu", "Đóng đủ"). */
export async function statistic(page: Page, title: string): Promise<string> {
  const card = page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) });
  return ((await card.locator('.ant-statistic-content').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** 1234567 → '1.234.567 ₫', as the dues pages show money. */
export function vnd(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

export async function waitForToast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

export function expectVisible(locator: Locator): Promise<void> {
  return expect.poll(() => locator.isVisible()).toBe(true);
}

/** PUT with the page's session cookie (apiOf in admission-steps.ts has no PUT); a non-2xx answer fails with its body. */
export async function putJson<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.put(url, { data });
  if (!res.ok()) throw new Error(`PUT ${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A screenshot once the page's finite CSS animations and transitions have run (a radio button fading to its new
 * colour, a step icon turning green), so the picture shows the state and not a frame of the change. Capped at 2 s:
 * a screenshot is evidence to look at, never a reason to fail.
 */
export async function calmShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  await shot(page, name);
}
