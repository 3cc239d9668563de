import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../common/contracts/auth.contract.ts';
import type { RuleSetsResponse, RuleSetView } from '../../../common/contracts/rule-sets.contract.ts';
import { GRADING_PARAMS_366, GRADING_RULE_SETS, type ExcellentQuotaParams, type FlagReviewParams, type GradingParams } from '../../../common/rules/grading-rule-sets.ts';
import { paramsInForce } from '../../../common/rules/rule-check.ts';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { invalidateRuleSets, ruleSetsWithData } from './rule-sets.service.ts';

// rules.md line 3: an administrator adds a rule-set version (new numbers, new effective date) without a code change,
// and a record is judged by the version in force on its event date. Through the API, on every engine.
// The app's clock starts at 2026-06-15T03:00Z (10:00 in Vietnam), so "today" is 2026-06-15.

const TODAY = '2026-06-15';
const START = new Date('2026-06-15T03:00:00.000Z');
const SOURCE = 'Quy định số 999-QĐ/TW (dữ liệu thử), Điều 3';

describe.each(ENGINES)('rule sets on %s', (engine) => {
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
  afterEach(() => {
    t.clock.now = START;
    vi.restoreAllMocks();
  });

  async function as(role: Role, organizationId: number) {
    const username = `${role}-${engine}-${++n}`;
    await buildUser(t.db, { role, organizationId, username });
    return loginAs(t.app, username);
  }

  async function call<T = any>(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as any, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as T };
  }
  const list = (cookie = officer) => call<RuleSetsResponse>(cookie, 'GET', '/api/rule-sets');
  const add = (body: Record<string, unknown>, cookie = admin) => call<RuleSetView & { error?: any }>(cookie, 'POST', '/api/rule-sets/versions', { source: SOURCE, ...body });
  const ruleOf = (r: RuleSetsResponse, id: string) => r.rules.find((x) => x.ruleId === id)!;

  it('lists every editable rule with its shipped versions, the one in force today and how sure its numbers are', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(TODAY);
    expect(res.body.rules.map((r) => r.ruleId)).toEqual(['R-GRD', 'R-GRD-01', 'R-RMV-01', 'R-RMV-02', 'R-RMV-03', 'R-RMV-07', 'R-ADM-15']);
    const quota = ruleOf(res.body, 'R-GRD-01');
    // Two shipped versions, the latest first; the 366 one is in force and unverified (U).
    expect(quota.versions.map((v) => [v.effectiveFrom, v.shipped, v.inForce, v.confidence])).toEqual([
      ['2025-08-30', true, true, 'U'],
      ['2019-10-18', true, false, 'V'],
    ]);
    expect(quota).toMatchObject({ title: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ', inForceFrom: '2025-08-30', confidence: 'U' });
    expect(quota.versions[0]).toMatchObject({ id: null, params: { maxExcellentPercent: 20, denominator: 'good_or_better' }, createdBy: null, createdAt: null });
    expect(ruleOf(res.body, 'R-RMV-07').confidence).toBe('U');
    expect(ruleOf(res.body, 'R-GRD').confidence).toBe('S');
    // R-RMV-01's 2026 version is in force from 01/02/2026.
    expect(ruleOf(res.body, 'R-RMV-01').inForceFrom).toBe('2026-02-01');
  });

  it('adds a version: listed, audited, in force from its date and not the day before, and read by the rules', async () => {
    const before = await ruleSetsWithData(t.db, GRADING_RULE_SETS); // cached from here on
    expect(before).toHaveLength(GRADING_RULE_SETS.length);

    const res = await add({ ruleId: 'R-GRD-01', effectiveFrom: '2026-07-01', params: { maxExcellentPercent: 15, denominator: 'good_or_better' }, note: 'Thử nghiệm' });
    expect(res.status).toBe(201);
    expect(res.body.ruleId).toBe('R-GRD-01');
    expect(res.body.inForceFrom).toBe('2025-08-30'); // not yet: today is 15/06
    expect(res.body.versions[0]).toMatchObject({
      shipped: false,
      effectiveFrom: '2026-07-01',
      params: { maxExcellentPercent: 15, denominator: 'good_or_better' },
      source: SOURCE,
      note: 'Thử nghiệm',
      confidence: 'V',
      createdAt: START.toISOString(),
      inForce: false,
    });
    expect(res.body.versions[0].id).toEqual(expect.any(Number));
    expect(res.body.versions[0].createdBy?.displayName).toMatch(/^admin-/);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'rule_set_version').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'rule_sets.add_version', outcome: 'success', object_id: String(res.body.versions[0].id), role: 'admin' });

    // The rules read it at once (the cached copy was dropped), from its date on.
    const versions = await ruleSetsWithData(t.db, GRADING_RULE_SETS);
    expect(versions).toHaveLength(GRADING_RULE_SETS.length + 1);
    expect(paramsInForce<ExcellentQuotaParams>(versions, 'R-GRD-01', '2026-06-30').maxExcellentPercent).toBe(20);
    expect(paramsInForce<ExcellentQuotaParams>(versions, 'R-GRD-01', '2026-07-01').maxExcellentPercent).toBe(15);
    expect(paramsInForce<ExcellentQuotaParams>(versions, 'R-GRD-01', '2030-12-31').maxExcellentPercent).toBe(15);
    // A transaction reads the same versions; a caller changing its copy changes nobody else's.
    await t.db.transaction().execute(async (trx) => {
      const inTrx = await ruleSetsWithData(trx, GRADING_RULE_SETS);
      (paramsInForce<ExcellentQuotaParams>(inTrx, 'R-GRD-01', '2026-07-01') as { maxExcellentPercent: number }).maxExcellentPercent = 99;
    });
    expect(paramsInForce<ExcellentQuotaParams>(await ruleSetsWithData(t.db, GRADING_RULE_SETS), 'R-GRD-01', '2026-07-01').maxExcellentPercent).toBe(15);
    // Only the rule ids of the shipped family asked for.
    expect(await ruleSetsWithData(t.db, GRADING_RULE_SETS.filter((v) => v.ruleId === 'R-RMV-07'))).toHaveLength(1);

    // On 01/07/2026 the page shows it in force (a session of that day: an idle one ends after 15 minutes).
    const commune = (await t.db.selectFrom('users').select('organization_id').where('username', 'like', 'organization_officer-%').executeTakeFirstOrThrow()).organization_id;
    t.clock.now = new Date('2026-07-01T03:00:00.000Z');
    const later = ruleOf((await list(await as('organization_officer', commune))).body, 'R-GRD-01');
    expect(later.inForceFrom).toBe('2026-07-01');
    expect(later.confidence).toBe('V');
    expect(later.versions.filter((v) => v.inForce).map((v) => v.effectiveFrom)).toEqual(['2026-07-01']);
    t.clock.now = new Date('2026-06-30T16:59:00.000Z'); // 23:59 on 30/06 in Vietnam
    expect(ruleOf((await list(await as('organization_officer', commune))).body, 'R-GRD-01').inForceFrom).toBe('2025-08-30');
    t.clock.now = START;
    officer = await as('organization_officer', commune);
  });

  it('the modules judge by it: a grading cycle for 2026 takes the quota in force on 31/12/2026, one for 2025 the old one', async () => {
    // The 15 % version from 01/07/2026 was added by the test above (R-GRD-01).
    const grassroots = (await t.db.selectFrom('organizations').select('id').where('kind', '=', 'grassroots_committee').executeTakeFirstOrThrow()).id;
    const y2026 = await call(officer, 'POST', '/api/grading/cycles', { organizationId: grassroots, year: 2026 });
    expect(y2026.status, JSON.stringify(y2026.body)).toBe(201);
    expect(y2026.body.quota.params).toEqual({ maxExcellentPercent: 15, denominator: 'good_or_better' });
    const y2025 = await call(officer, 'POST', '/api/grading/cycles', { organizationId: grassroots, year: 2025 });
    expect(y2025.status, JSON.stringify(y2025.body)).toBe(201);
    expect(y2025.body.quota.params).toEqual({ maxExcellentPercent: 20, denominator: 'good_or_better' });
  });

  it('a version effective today is in force at once; the admin may mark its numbers unverified with (U)', async () => {
    const res = await add({ ruleId: 'R-RMV-07', effectiveFrom: TODAY, params: { flagReviewDays: 45 }, source: 'Hướng dẫn của Ban Tổ chức (dữ liệu thử) (U)' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ inForceFrom: TODAY, confidence: 'U' });
    expect(res.body.versions[0]).toMatchObject({ inForce: true, note: null });
    const versions = await ruleSetsWithData(t.db, GRADING_RULE_SETS);
    expect(paramsInForce<FlagReviewParams>(versions, 'R-RMV-07', TODAY).flagReviewDays).toBe(45);
    expect(paramsInForce<FlagReviewParams>(versions, 'R-RMV-07', '2026-06-14').flagReviewDays).toBe(30);
  });

  it('adds an R-GRD version with finer criteria', async () => {
    const params: GradingParams = {
      ...GRADING_PARAMS_366,
      excellentMinPoints: 85,
      criteria: [
        { code: 'politics', maxPoints: 15 },
        { code: 'ethics', maxPoints: 15 },
        { code: 'task_results', maxPoints: 70 },
      ],
    };
    const res = await add({ ruleId: 'R-GRD', effectiveFrom: '2027-01-01', params });
    expect(res.status).toBe(201);
    const versions = await ruleSetsWithData(t.db, GRADING_RULE_SETS);
    expect(paramsInForce<GradingParams>(versions, 'R-GRD', '2027-12-31')).toEqual(params);
    expect(paramsInForce<GradingParams>(versions, 'R-GRD', '2026-12-31')).toEqual(GRADING_PARAMS_366);
  });

  it('refuses params its schema refuses, naming the field and the code', async () => {
    const bad = await add({
      ruleId: 'R-GRD',
      effectiveFrom: '2027-02-01',
      params: { ...GRADING_PARAMS_366, criteria: [{ code: 'general', maxPoints: 30 }, { code: 'task_results', maxPoints: 0 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', params: { ruleId: 'R-GRD' } });
    expect(bad.body.error.fields).toEqual([
      { path: 'params.criteria.1.maxPoints', code: 'number_min', params: { min: 1 } },
      { path: 'params.criteria', code: 'criteria_sum_mismatch', params: { sum: 30, maxPoints: 100 } },
    ]);

    const sum99 = await add({ ruleId: 'R-GRD', effectiveFrom: '2027-02-01', params: { ...GRADING_PARAMS_366, criteria: [{ code: 'general', maxPoints: 29 }, { code: 'task_results', maxPoints: 70 }] } });
    expect(sum99.body.error.fields).toEqual([{ path: 'params.criteria', code: 'criteria_sum_mismatch', params: { sum: 99, maxPoints: 100 } }]);

    const days = await add({ ruleId: 'R-RMV-07', effectiveFrom: '2027-02-01', params: { flagReviewDays: 366 } });
    expect(days.status).toBe(400);
    expect(days.body.error.fields).toEqual([{ path: 'params.flagReviewDays', code: 'number_max', params: { max: 365 } }]);

    const unknown = await add({ ruleId: 'R-DUE-01', effectiveFrom: '2027-02-01', params: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ path: 'body.ruleId' })]);

    const noSource = await add({ ruleId: 'R-RMV-07', effectiveFrom: '2027-02-01', params: { flagReviewDays: 60 }, source: '   ' });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.fields).toEqual([expect.objectContaining({ path: 'body.source' })]);
  });

  it('refuses an effective date before today: a rule change never rewrites past judgments', async () => {
    const res = await add({ ruleId: 'R-RMV-01', effectiveFrom: '2026-06-14', params: { missedActivityMonths: 2, unpaidDuesMonths: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', params: { ruleId: 'R-RMV-01' } });
    expect(res.body.error.fields).toEqual([{ path: 'effectiveFrom', code: 'effective_in_past', params: { ruleId: 'R-RMV-01', today: TODAY } }]);
    // Both problems at once.
    const both = await add({ ruleId: 'R-RMV-01', effectiveFrom: '2020-01-01', params: { missedActivityMonths: 13, unpaidDuesMonths: 3 } });
    expect(both.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['params.missedActivityMonths', 'effectiveFrom']);
    expect((await t.db.selectFrom('rule_set_versions').select('id').where('rule_id', '=', 'R-RMV-01').execute()).length).toBe(0);
  });

  it('refuses a second version on the same date (409): a correction is a version on a later date', async () => {
    const first = await add({ ruleId: 'R-RMV-03', effectiveFrom: '2026-09-01', params: { selfReviewRequests: 2 } });
    expect(first.status).toBe(201);
    const again = await add({ ruleId: 'R-RMV-03', effectiveFrom: '2026-09-01', params: { selfReviewRequests: 4 } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', params: { ruleId: 'R-RMV-03', effectiveFrom: '2026-09-01' } });
    expect(again.body.error.fields).toEqual([{ path: 'effectiveFrom', code: 'effective_date_exists', params: { ruleId: 'R-RMV-03', date: '2026-09-01' } }]);
    // Another rule may use the same date.
    expect((await add({ ruleId: 'R-RMV-02', effectiveFrom: '2026-09-01', params: { consecutiveNotCompletedYears: 2, educationPlanMonths: 6 } })).status).toBe(201);
    const corrected = await add({ ruleId: 'R-RMV-03', effectiveFrom: '2026-09-02', params: { selfReviewRequests: 4 } });
    expect(corrected.body.versions.slice(0, 2).map((v) => v.params.selfReviewRequests)).toEqual([4, 2]);
  });

  it('lets the read roles read, only an administrator add; everyone else is refused', async () => {
    const tree = await buildTree(t.db);
    for (const role of ['committee_member', 'inspection_officer'] as const) expect((await list(await as(role, tree.commune.id))).status).toBe(200);
    for (const role of ['cell_secretary', 'member', 'front_officer', 'training_officer'] as const) {
      expect((await list(await as(role, tree.cellA.id))).status, role).toBe(403);
    }
    const body = { ruleId: 'R-RMV-07', effectiveFrom: '2027-03-01', params: { flagReviewDays: 20 } };
    expect((await add(body, officer)).status).toBe(403);
    expect((await add(body, await as('committee_member', tree.commune.id))).status).toBe(403);
    expect((await t.db.selectFrom('rule_set_versions').select('id').where('effective_from', '=', '2027-03-01').execute()).length).toBe(0);
    const denied = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'rule_sets.manage').execute();
    expect(denied).toEqual([
      { action: 'rule_sets.manage', outcome: 'denied' },
      { action: 'rule_sets.manage', outcome: 'denied' },
    ]);
  });

  it('keeps history: the database refuses to update or delete a stored version', async () => {
    const res = await add({ ruleId: 'R-ADM-15', effectiveFrom: '2026-12-01', params: { monthsAfterLeaving: 24, monthsAfterClearedConviction: 60 } });
    expect(res.status).toBe(201);
    const id = res.body.versions[0].id!;
    await expect(t.db.updateTable('rule_set_versions').set({ params: '{"monthsAfterLeaving":1}' }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('rule_set_versions').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    const row = await t.db.selectFrom('rule_set_versions').select('params').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.params)).toEqual({ monthsAfterLeaving: 24, monthsAfterClearedConviction: 60 });
  });

  it('skips and logs a stored row that fails its schema: reads never crash on it', async () => {
    const admin = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const row = (ruleId: string, effectiveFrom: string, params: string) => ({
      rule_id: ruleId,
      effective_from: effectiveFrom,
      params,
      source: SOURCE,
      note: null,
      created_by: admin.id,
      created_at: START.toISOString(),
    });
    await t.db
      .insertInto('rule_set_versions')
      .values([row('R-RMV-07', '2028-01-01', '{"flagReviewDays":0}'), row('R-RMV-07', '2028-02-01', 'not json'), row('R-XYZ', '2028-01-01', '{}')])
      .execute();
    invalidateRuleSets(t.db);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);

    const versions = await ruleSetsWithData(t.db, GRADING_RULE_SETS);
    expect(paramsInForce<FlagReviewParams>(versions, 'R-RMV-07', '2028-12-31').flagReviewDays).toBe(45);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/R-RMV-07 from 2028-01-01\) is skipped: params fail the schema \(params\.flagReviewDays number_min\)/),
      expect.stringMatching(/R-RMV-07 from 2028-02-01\) is skipped: params is not JSON/),
      expect.stringMatching(/R-XYZ from 2028-01-01\) is skipped: not an editable rule/),
    ]);
    const res = await list();
    expect(res.status).toBe(200);
    expect(ruleOf(res.body, 'R-RMV-07').versions.map((v) => v.effectiveFrom)).not.toContain('2028-01-01');
  });
});
