import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { CellArrears, CollectionSheet, MemberDues, MonthlySeries, Reconciliation, RecordPaymentsResult } from '../../../common/contracts/dues.contract.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';

// Route tests on a real database, on every engine (architecture principle 10). The app's clock is fixed at
// 2026-06-15T03:00Z: "today in Vietnam" is 2026-06-15, so arrears count January to May 2026.

describe.each(ENGINES)('dues on %s', (engine) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let n = 0;
  const cookies: Record<string, string> = {};
  let selfMember: Awaited<ReturnType<typeof buildMember>>;

  async function as(role: Role, organizationId: number, personId: number | null = null) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username, personId });
    return loginAs(t.app, username);
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    tree = await buildTree(t.db);
    selfMember = await buildMember(t.db, { organizationId: tree.cellA.id, person: { full_name: 'Phạm Thị Hoa' } });
    cookies.secretary = await as('cell_secretary', tree.cellA.id);
    cookies.officer = await as('organization_officer', tree.grassroots.id);
    cookies.admin = await as('admin', tree.province.id);
    cookies.otherSecretary = await as('cell_secretary', tree.otherCell.id);
    cookies.member = await as('member', tree.cellA.id, selfMember.person.id);
    cookies.front = await as('front_officer', tree.commune.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function call<T = any>(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie: cookies[who] } });
    const isJson = (res.headers['content-type'] ?? '').toString().includes('json');
    return { status: res.statusCode, body: (isJson ? res.json() : res.rawPayload) as T, raw: res.rawPayload, headers: res.headers };
  }
  const dues = (who: string, memberId: number, year = 2026) => call<MemberDues>(who, 'GET', `/api/dues/members/${memberId}?year=${year}`);
  const setProfile = (memberId: number, body: Record<string, unknown>, who = 'secretary') =>
    call(who, 'PUT', `/api/dues/members/${memberId}/profile`, { replaces: null, onSickOrMaternityLeave: false, pastWorkingAge: false, ...body });
  const pay = (items: { memberId: number; forMonth: string; amountVnd: number; method?: string; reference?: string }[], extra: Record<string, unknown> = {}, who = 'secretary') =>
    call<RecordPaymentsResult & { error: any }>(who, 'POST', '/api/dues/payments', { paidOn: '2026-06-10', items, ...extra });
  const expectedOf = (d: MemberDues) => d.months.map((m) => m.expectedVnd);
  async function auditCount() {
    const row = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async function newMember(name?: string) {
    return (await buildMember(t.db, { organizationId: tree.cellA.id, person: name ? { full_name: name } : {} })).member;
  }

  it('applies a profile change from its month and keeps the history (R-DUE)', async () => {
    const m = await newMember();
    const before = await auditCount();
    const first = await setProfile(m.id, { fromMonth: '2026-01', group: 'insured_salary', baseAmountVnd: 10_000_000 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ validFrom: '2026-01-01', validTo: null, group: 'insured_salary', version: 1 });
    // The client read no profile, but one exists now: a stale write changes nothing.
    expect((await setProfile(m.id, { fromMonth: '2026-04', group: 'insured_salary', baseAmountVnd: 12_000_000 })).body.error.code).toBe('CONFLICT');
    const second = await setProfile(m.id, { fromMonth: '2026-04', group: 'insured_salary', baseAmountVnd: 12_000_000, replaces: { id: first.body.id, version: 1 } });
    expect(second.status).toBe(200);
    expect((await setProfile(m.id, { fromMonth: '2026-05', group: 'pension', baseAmountVnd: 6_000_000, replaces: { id: first.body.id, version: 1 } })).status).toBe(409);
    expect((await setProfile(m.id, { fromMonth: '2026-03', group: 'insured_salary', baseAmountVnd: 1, replaces: { id: second.body.id, version: 1 } })).body.error.fields[0]).toMatchObject({
      path: 'fromMonth',
      code: 'before_current_version',
    });
    expect(await auditCount()).toBe(before + 2);

    const d = (await dues('secretary', m.id)).body;
    expect(expectedOf(d)).toEqual([100_000, 100_000, 100_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000, 120_000]);
    expect(d.profiles.map((p) => [p.validFrom, p.validTo])).toEqual([
      ['2026-04-01', null],
      ['2026-01-01', '2026-04-01'],
    ]);
    expect(d.current?.baseAmountVnd).toBe(12_000_000);
    expect(d.months[3].basis).toMatchObject({ method: 'percent_of_base', basisPoints: 100, baseKind: 'salary', baseAmountVnd: 12_000_000 });
    // Months before any profile owe nothing that is known.
    expect(expectedOf((await dues('secretary', m.id, 2025)).body).every((e) => e === null)).toBe(true);
  });

  it('switches rule set on 1 February 2026 (QĐ 342 → 01-QĐ/TW) and steps up on 1 January 2028', async () => {
    const m = await newMember();
    // A version spanning the switch must be computable under both: the 342 band sum and the 01-QĐ/TW region.
    const missing = await setProfile(m.id, { fromMonth: '2025-10', group: 'no_insurance_below_retirement', bandAmountVnd: 10_000 });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('RULE_VIOLATION');
    expect(missing.body.error.params.violations).toEqual([expect.objectContaining({ ruleId: 'R-DUE', code: 'region_required' })]);
    expect((await setProfile(m.id, { fromMonth: '2025-10', group: 'no_insurance_below_retirement', bandAmountVnd: 10_000, region: 'I' })).status).toBe(200);

    const y2025 = (await dues('secretary', m.id, 2025)).body;
    expect(y2025.months[9]).toMatchObject({ month: '2025-10', expectedVnd: 10_000, ruleSetSource: expect.stringContaining('342') });
    const y2026 = (await dues('secretary', m.id)).body;
    expect(y2026.months[0]).toMatchObject({ month: '2026-01', expectedVnd: 10_000, ruleSetSource: expect.stringContaining('342') });
    // 0.3% of the region I minimum wage of Nghị định 293/2025 (5,310,000).
    expect(y2026.months[1]).toMatchObject({ month: '2026-02', expectedVnd: 15_930, ruleSetSource: expect.stringContaining('01-QĐ/TW') });
    expect(y2026.months[1].basis).toMatchObject({ method: 'percent_of_minimum_wage', basisPoints: 30, region: 'I', minimumWageVnd: 5_310_000 });
    // 0.5% from 1/1/2028.
    expect((await dues('secretary', m.id, 2028)).body.months[0].expectedVnd).toBe(26_550);

    // A 342-only group cannot be carried past the switch.
    const other = await newMember();
    const refused = await setProfile(other.id, { fromMonth: '2026-03', group: 'fixed_band_342', bandAmountVnd: 5_000 });
    expect(refused.body.error.params.violations[0]).toMatchObject({ ruleId: 'R-DUE', code: 'group_not_in_rule_set' });
  });

  it('applies exemption and reduction decisions to their months only', async () => {
    const m = await newMember();
    await setProfile(m.id, { fromMonth: '2026-01', group: 'insured_salary', baseAmountVnd: 8_000_000 });
    const reduction = { percent: 50, reason: 'Gia đình khó khăn đột xuất', decisionRef: '12-QĐ/CB', decidedOn: '2026-02-20', fromMonth: '2026-03', toMonth: '2026-05' };
    const red = await call('secretary', 'POST', `/api/dues/members/${m.id}/reductions`, reduction);
    expect(red.status).toBe(201);
    const ex = await call('secretary', 'POST', `/api/dues/members/${m.id}/exemptions`, {
      reason: 'poor_household',
      decisionRef: '15-QĐ/CB',
      decidedOn: '2026-06-01',
      fromMonth: '2026-07',
      toMonth: null,
    });
    expect(ex.status).toBe(201);
    const d = (await dues('secretary', m.id)).body;
    expect(expectedOf(d)).toEqual([80_000, 80_000, 40_000, 40_000, 40_000, 80_000, 0, 0, 0, 0, 0, 0]);
    expect(d.months[2]).toMatchObject({ reductionPercent: 50, reductionDecisionRef: '12-QĐ/CB', fullAmountVnd: 80_000 });
    expect(d.months[6]).toMatchObject({ exempt: 'poor_household', exemptionDecisionRef: '15-QĐ/CB' });

    // At most 12 months per reduction decision (01-QĐ/TW).
    const long = await call('secretary', 'POST', `/api/dues/members/${m.id}/reductions`, { ...reduction, fromMonth: '2027-01', toMonth: '2028-01' });
    expect(long.body.error.params.violations).toEqual([expect.objectContaining({ ruleId: 'R-DUE', code: 'reduction_too_long' })]);
    // Hardship is a reason of QĐ 342 only.
    const hardship = await call('secretary', 'POST', `/api/dues/members/${m.id}/exemptions`, { reason: 'hardship', decisionRef: 'x', decidedOn: '2026-06-01', fromMonth: '2026-03' });
    expect(hardship.body.error.params.violations[0]).toMatchObject({ code: 'exemption_reason_not_allowed' });
    const overlap = await call('secretary', 'POST', `/api/dues/members/${m.id}/reductions`, { ...reduction, fromMonth: '2026-05', toMonth: '2026-06' });
    expect(overlap.body.error.fields[0]).toMatchObject({ path: 'fromMonth', code: 'decision_overlap' });
    // Edits are compare-and-set on the version read.
    expect((await call('secretary', 'PUT', `/api/dues/reductions/${red.body.id}`, { ...reduction, toMonth: '2026-04', version: 1 })).status).toBe(200);
    expect((await call('secretary', 'PUT', `/api/dues/reductions/${red.body.id}`, { ...reduction, toMonth: '2026-06', version: 1 })).status).toBe(409);
    expect(expectedOf((await dues('secretary', m.id)).body).slice(2, 6)).toEqual([40_000, 40_000, 80_000, 80_000]);
  });

  it('settles the right months with advance and late payments, and counts R-DUE-01', async () => {
    const m = await newMember();
    await setProfile(m.id, { fromMonth: '2026-01', group: 'insured_salary', baseAmountVnd: 8_000_000 });
    const before = await auditCount();
    const res = await pay([
      { memberId: m.id, forMonth: '2026-03', amountVnd: 80_000 },
      { memberId: m.id, forMonth: '2026-04', amountVnd: 50_000 },
      { memberId: m.id, forMonth: '2026-07', amountVnd: 80_000 },
      { memberId: m.id, forMonth: '2026-08', amountVnd: 80_000, method: 'online', reference: 'FT26161123' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.payments).toHaveLength(4);
    expect(res.body.payments[0]).toMatchObject({ forMonth: '2026-03', paidOn: '2026-06-10', method: 'cash_to_cell', expectedVnd: 80_000 });
    expect(await auditCount()).toBe(before + 1);

    const d = (await dues('secretary', m.id)).body;
    // As of 15/6: January, February and May unpaid, April short by 30,000; March paid late; June not over yet.
    expect(d.arrears.map((a) => [a.month, a.shortfallVnd])).toEqual([
      ['2026-01', 80_000],
      ['2026-02', 80_000],
      ['2026-04', 30_000],
      ['2026-05', 80_000],
    ]);
    expect(d.arrearsTotalVnd).toBe(270_000);
    expect(d.months[6]).toMatchObject({ month: '2026-07', paidVnd: 80_000, balanceVnd: 0 });
    expect(d.screening).toMatchObject({ year: 2026, months: ['2026-01', '2026-02', '2026-04', '2026-05'], threshold: 3, flagged: true });

    // A good reason accepted by the cell takes a month out of R-DUE-01 (not out of arrears).
    for (const month of ['2026-01', '2026-02']) {
      const g = await call('secretary', 'POST', `/api/dues/members/${m.id}/good-reasons`, { month, reason: 'Nằm viện điều trị', acceptedBy: 'Chi bộ họp ngày 05/03/2026', acceptedOn: '2026-03-05' });
      expect(g.status).toBe(201);
    }
    const after = (await dues('secretary', m.id)).body;
    expect(after.screening).toMatchObject({ months: ['2026-04', '2026-05'], flagged: false });
    expect(after.arrears).toHaveLength(4);
    const dup = await call('secretary', 'POST', `/api/dues/members/${m.id}/good-reasons`, { month: '2026-01', reason: 'x', acceptedBy: 'y', acceptedOn: '2026-03-05' });
    expect(dup.body.error.fields[0]).toMatchObject({ path: 'month', code: 'good_reason_exists' });

    const arrears = (await call<CellArrears>('officer', 'GET', `/api/dues/organizations/${tree.cellA.id}/arrears`)).body;
    const row = arrears.rows.find((r) => r.memberId === m.id)!;
    expect(row).toMatchObject({ shortfallVnd: 270_000, unpaidInYear: ['2026-04', '2026-05'], flagged: false });
    expect(arrears.threshold).toBe(3);
  });

  it('refuses bad payment lines, replays a repeated submit once, and corrects by reversal only', async () => {
    const m = await newMember();
    expect((await setProfile(m.id, { fromMonth: '2026-02', group: 'student' })).status).toBe(200);
    const online = await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: 5_000, method: 'online' }]);
    expect(online.body.error.fields).toEqual([expect.objectContaining({ path: 'items.0.reference', code: 'reference_required' })]);
    expect((await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 }], { paidOn: '2026-06-16' })).body.error.fields[0].code).toBe('date_in_future');
    const twice = [
      { memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 },
      { memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 },
    ];
    expect((await pay(twice)).body.error.fields[0]).toMatchObject({ path: 'items.1.forMonth', code: 'duplicate_item' });
    expect((await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: -5 }])).status).toBe(400);

    const key = `k-${engine}-0001`;
    const first = await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 }], { idempotencyKey: key });
    const again = await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 }], { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, batchId: first.body.batchId });
    expect((await dues('secretary', m.id)).body.months[5]).toMatchObject({ expectedVnd: 5_000, paidVnd: 5_000, balanceVnd: 0 });

    const id = first.body.payments[0].id;
    const reversal = await call('secretary', 'POST', `/api/dues/payments/${id}/reverse`, { reason: 'Ghi nhầm người' });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ amountVnd: -5_000, reversesPaymentId: id, paidOn: '2026-06-10', note: 'Ghi nhầm người' });
    expect((await call('secretary', 'POST', `/api/dues/payments/${id}/reverse`, { reason: 'again' })).body.error.code).toBe('PAYMENT_ALREADY_REVERSED');
    expect((await call('secretary', 'POST', `/api/dues/payments/${reversal.body.id}/reverse`, { reason: 'x' })).body.error.code).toBe('PAYMENT_ALREADY_REVERSED');
    const d = (await dues('secretary', m.id)).body;
    expect(d.months[5]).toMatchObject({ paidVnd: 0, balanceVnd: 5_000 });
    expect(d.payments.find((p) => p.id === id)?.reversedById).toBe(reversal.body.id);
    // The table itself refuses edits: corrections are rows.
    await expect(t.db.updateTable('dues_payments').set({ amount_vnd: 1 }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('dues_payments').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
  });

  it('gives the cell its monthly collection sheet in Vietnamese name order, printable and exportable without formula injection', async () => {
    const cell = tree.cellB.id;
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', '=HYPERLINK("http://evil.example","Lê Văn Cường")', 'Đỗ Minh Anh'];
    const ms = [];
    for (const full_name of names) ms.push((await buildMember(t.db, { organizationId: cell, person: { full_name } })).member);
    for (const m of ms.slice(0, 3)) await setProfile(m.id, { fromMonth: '2026-01', group: 'insured_salary', baseAmountVnd: 7_000_000 }, 'officer');
    const paid = await pay(
      [
        { memberId: ms[0].id, forMonth: '2026-06', amountVnd: 70_000 },
        { memberId: ms[1].id, forMonth: '2026-06', amountVnd: 30_000 },
      ],
      {},
      'officer',
    );
    expect(paid.status).toBe(201);
    const sheet = await call<CollectionSheet>('officer', 'GET', `/api/dues/organizations/${cell}/collection?month=2026-06`);
    expect(sheet.status).toBe(200);
    // Given name first: An, Anh, Bình, then the odd name (its "given name" is the last word).
    expect(sheet.body.rows.slice(0, 3).map((r) => r.fullName)).toEqual(['Nguyễn Thị An', 'Đỗ Minh Anh', 'Trần Văn Bình']);
    const bình = sheet.body.rows.find((r) => r.fullName === 'Trần Văn Bình')!;
    expect(bình).toMatchObject({ expectedVnd: 70_000, paidVnd: 70_000, balanceVnd: 0, monthsInArrearsBefore: 5 });
    expect(sheet.body.rows.find((r) => r.fullName === 'Đỗ Minh Anh')).toMatchObject({ hasProfile: false, expectedVnd: null });
    expect(sheet.body.totals).toMatchObject({ members: 4, expectedVnd: 210_000, paidVnd: 100_000, outstandingVnd: 110_000, owing: 3, paidInFull: 1, withoutProfile: 1 });
    expect(sheet.body.parent?.id).toBe(tree.grassroots.id);

    const before = await auditCount();
    const file = await call('officer', 'GET', `/api/dues/organizations/${cell}/collection.xlsx?month=2026-06`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain('attachment;');
    expect(await auditCount()).toBe(before + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain('DANH SÁCH THU ĐẢNG PHÍ THÁNG 06/2026');
    expect(values).toContain('Trần Văn Bình');
    expect(values).toContain(`'${names[2]}`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\0]/.test(v))).toEqual([]);
    expect(values).toContain(210_000);
  });

  it('reconciles remittances with what the members paid; only the organization above confirms receipt', async () => {
    const cell = tree.cellA.id;
    const m1 = await newMember();
    const m2 = await newMember();
    await setProfile(m1.id, { fromMonth: '2026-01', group: 'pension', baseAmountVnd: 6_000_000 });
    await setProfile(m2.id, { fromMonth: '2026-01', group: 'pension', baseAmountVnd: 4_000_000 });
    const start = (await call<Reconciliation>('secretary', 'GET', `/api/dues/organizations/${cell}/remittances?year=2026`)).body;
    const juneBefore = start.months[5].collectedVnd;
    await pay(
      [
        { memberId: m1.id, forMonth: '2026-06', amountVnd: 30_000 },
        { memberId: m2.id, forMonth: '2026-06', amountVnd: 20_000 },
      ],
      { paidOn: '2026-06-12' },
    );
    const sent = await call('secretary', 'POST', `/api/dues/organizations/${cell}/remittances`, {
      month: '2026-06',
      amountVnd: juneBefore + 40_000,
      remittedOn: '2026-06-14',
      reference: 'PT-06/2026',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ toOrganization: { id: tree.grassroots.id }, canReceive: false, receivedOn: null });
    const rec = (await call<Reconciliation>('secretary', 'GET', `/api/dues/organizations/${cell}/remittances?year=2026`)).body;
    expect(rec.months[5]).toMatchObject({ month: '2026-06', collectedVnd: juneBefore + 50_000, remittedVnd: juneBefore + 40_000, differenceVnd: 10_000 });
    expect(rec.parent?.id).toBe(tree.grassroots.id);

    const receipt = { receivedOn: '2026-06-15', receivedBy: 'Nguyễn Văn Kế, kế toán Đảng ủy', version: 1 };
    expect((await call('secretary', 'POST', `/api/dues/remittances/${sent.body.id}/receive`, receipt)).status).toBe(403);
    expect((await call('otherSecretary', 'POST', `/api/dues/remittances/${sent.body.id}/receive`, receipt)).status).toBe(404);
    const incoming = (await call('officer', 'GET', `/api/dues/organizations/${tree.grassroots.id}/incoming-remittances?year=2026`)).body;
    expect(incoming.items.find((i: { id: number }) => i.id === sent.body.id)).toMatchObject({ canReceive: true, collectedVnd: juneBefore + 50_000 });
    const ok = await call('officer', 'POST', `/api/dues/remittances/${sent.body.id}/receive`, receipt);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ receivedOn: '2026-06-15', version: 2 });
    const late = await call('secretary', 'PUT', `/api/dues/remittances/${sent.body.id}`, { month: '2026-06', amountVnd: 1, remittedOn: '2026-06-14', version: 2 });
    expect(late.body.error.code).toBe('REMITTANCE_ALREADY_RECEIVED');
    expect((await call('officer', 'POST', `/api/dues/remittances/${sent.body.id}/receive`, { ...receipt, version: 2 })).body.error.code).toBe('REMITTANCE_ALREADY_RECEIVED');
  });

  it('charts expected against paid for a cell and a subtree', async () => {
    const cellOnly = (await call<MonthlySeries>('officer', 'GET', `/api/dues/organizations/${tree.cellB.id}/monthly?from=2026-01&to=2026-06`)).body;
    expect(cellOnly.months).toHaveLength(6);
    expect(cellOnly.months[5]).toMatchObject({ month: '2026-06', expectedVnd: 210_000, paidVnd: 100_000, collectedVnd: 100_000 });
    const subtree = (await call<MonthlySeries>('officer', 'GET', `/api/dues/organizations/${tree.grassroots.id}/monthly?from=2026-01&to=2026-06&subtree=1`)).body;
    expect(subtree.subtree).toBe(true);
    expect(subtree.months[5].expectedVnd).toBeGreaterThan(210_000);
    expect(subtree.months[5].paidVnd).toBeGreaterThanOrEqual(100_000);
    expect((await call('officer', 'GET', `/api/dues/organizations/${tree.cellB.id}/monthly?from=2026-06&to=2026-01`)).status).toBe(400);
  });

  it('keeps dues in scope: other branch 404, a member only their own, front officer 403', async () => {
    const m = await newMember();
    expect((await setProfile(m.id, { fromMonth: '2026-02', group: 'student' })).status).toBe(200);
    // Another branch: the record does not exist for them.
    expect((await dues('otherSecretary', m.id)).status).toBe(404);
    expect((await call('otherSecretary', 'GET', `/api/dues/organizations/${tree.cellA.id}/collection?month=2026-06`)).status).toBe(404);
    expect((await call('otherSecretary', 'GET', `/api/dues/organizations/${tree.cellA.id}/collection.xlsx?month=2026-06`)).status).toBe(404);
    expect((await pay([{ memberId: m.id, forMonth: '2026-06', amountVnd: 5_000 }], {}, 'otherSecretary')).status).toBe(404);
    expect((await setProfile(m.id, { fromMonth: '2026-07', group: 'student' }, 'otherSecretary')).status).toBe(404);
    const paymentsOfM = await t.db.selectFrom('dues_payments').select('id').where('member_id', '=', m.id).execute();
    expect(paymentsOfM).toHaveLength(0);

    // The member role: their own dues only; no cell is in their scope (404), and no changes (403, no grant).
    await setProfile(selfMember.member.id, { fromMonth: '2026-01', group: 'insured_salary', baseAmountVnd: 9_000_000 });
    const own = await dues('member', selfMember.member.id);
    expect(own.status).toBe(200);
    expect(own.body.months[0].expectedVnd).toBe(90_000);
    expect((await dues('member', m.id)).status).toBe(404);
    expect((await call('member', 'GET', `/api/dues/organizations/${tree.cellA.id}/collection?month=2026-06`)).status).toBe(404);
    expect((await call('member', 'GET', `/api/dues/organizations/${tree.cellA.id}/arrears`)).status).toBe(404);
    expect((await pay([{ memberId: selfMember.member.id, forMonth: '2026-06', amountVnd: 90_000 }], {}, 'member')).status).toBe(403);

    // The front officer has no dues grant at all.
    expect((await dues('front', m.id)).status).toBe(403);
    expect((await call('front', 'GET', `/api/dues/organizations/${tree.cellA.id}/collection?month=2026-06`)).status).toBe(403);
    const denied = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('outcome', '=', 'denied').where('action', 'like', 'dues.%').execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('extends the regional minimum wage table (administrators only) and recomputes from its date', async () => {
    const list = (await call('secretary', 'GET', '/api/dues/minimum-wages')).body;
    expect(list.items.map((w: { effectiveFrom: string }) => w.effectiveFrom)).toEqual(['2024-07-01', '2026-01-01']);
    const m = await newMember();
    await setProfile(m.id, { fromMonth: '2026-02', group: 'no_insurance_at_retirement', region: 'II' });
    const row = { effectiveFrom: '2027-01-01', source: 'Nghị định thử nghiệm', monthlyVnd: { I: 5_600_000, II: 5_000_000, III: 4_400_000, IV: 3_900_000 } };
    expect((await call('secretary', 'POST', '/api/dues/minimum-wages', row)).status).toBe(403);
    const added = await call('admin', 'POST', '/api/dues/minimum-wages', row);
    expect(added.status).toBe(201);
    expect(added.body.items).toHaveLength(3);
    expect((await call('admin', 'POST', '/api/dues/minimum-wages', row)).body.error.fields[0]).toMatchObject({ path: 'effectiveFrom', code: 'wage_date_exists' });
    // 0.2% of region II: 4,730,000 in 2026, 5,000,000 from 2027.
    expect((await dues('secretary', m.id)).body.months[11].expectedVnd).toBe(9_460);
    expect((await dues('secretary', m.id, 2027)).body.months[0].expectedVnd).toBe(10_000);
  });
});
