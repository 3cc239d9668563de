import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/demo/demo-accounts.ts';
import { totpCode, totpStepAt } from '../server/modules/auth/totp.ts';
import { isFocused } from './support/party-life-steps.ts';
import { launchBrowser, refuseForeignRequests, screenshot } from './support/browser.ts';
import { type E2eServer, startDemoServer } from './support/server.ts';

// security.md "Passwords" and item 9 in the browser, with MFA=required as in production: an official without a
// factor is taken to enrolment (QR code drawn by the server, the secret as text, a code to confirm); an enrolled one
// gives the six-digit code after the password, and a wrong code is refused.

/** The code of `secret` `offset` steps from now (the server runs on the same clock). */
const codeOf = (secret: string, offset = 0) => totpCode(secret, totpStepAt(Date.now()) + offset);

describe('TOTP second factor in the browser (MFA=required)', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ MFA: 'required' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    refuseForeignRequests(page, server.url, foreign);
    return page;
  }

  async function typePassword(page: Page, username: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
  }

  it('takes an official without a factor to enrolment, and in after scanning and confirming a code', async () => {
    const page = await newPage();
    await typePassword(page, 'tuyengiao');
    await page.waitForURL(/\/login\/totp-setup$/);
    await expect.poll(() => page.getByText('Bật xác thực hai lớp').first().isVisible()).toBe(true);
    const qr = page.getByRole('img', { name: /Mã QR/ });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const grouped = (await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).first().textContent())!.trim();
    const secret = grouped.replace(/ /g, '');
    expect(secret).toHaveLength(32);
    await expect.poll(() => page.getByRole('button', { name: /Xác nhận và bật/ }).isEnabled()).toBe(true);
    await screenshot(page, 'totp-01-enrol');

    const code = page.getByLabel('Mã xác thực');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await code.fill(codeOf(secret));
    await page.getByRole('button', { name: /Xác nhận và bật/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(() => page.getByText('Cán bộ Tuyên giáo').first().isVisible()).toBe(true);
  });

  it('asks an enrolled official for the code after the password; a wrong code is refused, the right one lets in', async () => {
    // Enrolled through the API with the secret the server hands out once.
    const api = await newPage();
    const pending = await api.request.post('/api/auth/login', { data: { username: 'bithu1', password: DEMO_PASSWORD } });
    expect(await pending.json()).toEqual({ mfaEnrollmentRequired: true });
    const { secret } = (await (await api.request.post('/api/auth/totp/enroll', { data: {} })).json()) as { secret: string };
    expect((await api.request.post('/api/auth/totp/confirm', { data: { code: codeOf(secret) } })).status()).toBe(200);

    const page = await newPage();
    await typePassword(page, 'bithu1');
    const code = page.getByLabel('Mã xác thực');
    await code.waitFor();
    expect(await isFocused(code)).toBe(true);
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await screenshot(page, 'totp-02-code-step');

    await code.fill(codeOf(secret, 5));
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Mã xác thực không đúng/);
    await screenshot(page, 'totp-03-wrong-code');

    // One step ahead: the step the enrolment used is spent (a code works once).
    // Enter submits (the button's name is briefly another while its click ripple runs).
    await code.fill(codeOf(secret, 1));
    await code.press('Enter');
    await page.waitForURL(/\/members/);
    await expect.poll(() => page.getByText('Bí thư chi bộ').first().isVisible()).toBe(true);
    expect(foreign).toEqual([]);
  });
});
