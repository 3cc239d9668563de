import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchText } from '../../../common/rules/normalize-vi.ts';
import { buildTestApp, type TestApp } from '../../test/factories.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildCandidate, buildKit, call, checksum, walkTo, type Kit } from './admission.fixtures.ts';

// Scope (architecture principle 8): a case belongs to its cell's subtree; out of it, every route answers 404 with no
// bytes of the case and changes nothing. Concurrency (security.md item 19): two submissions of the same step on the
// same version, one wins, the other gets 409 CONFLICT.

describe.each(ENGINES)('admission scope and concurrency on %s', (engine) => {
  let t: TestApp;
  let kit: Kit;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    kit = await buildKit(t, engine);
  });
  afterAll(() => t.close());

  it('a cell secretary cannot read or touch another cell’s case: 404 everywhere, nothing changed', async () => {
    const { id, url, detail } = await walkTo(t, kit, 'cell_resolution');
    const upload = await t.app.inject({
      method: 'POST',
      url: `${url}/documents?step=application&kind=application`,
      headers: { cookie: kit.secretaryB.cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n',
    });
    expect(upload.statusCode).toBe(404);
    const before = await checksum(t);
    const b = kit.secretaryB.cookie;
    const attempts = [
      await call(t, b, 'GET', url),
      await call(t, b, 'GET', `${url}/roll?date=2026-05-05`),
      await call(t, b, 'GET', `${url}/word/cell-resolution`),
      await call(t, b, 'GET', `${url}/documents/1`),
      await call(t, b, 'PATCH', `${url}/file`, { version: detail.version, place: 'Đà Lạt' }),
      await call(t, b, 'POST', `${url}/steps/complete`, { version: detail.version, step: 'opinions' }),
      await call(t, b, 'POST', `${url}/cell-resolution`, { version: detail.version, meetingDate: '2026-05-05', presentMemberIds: [], approve: 0, reject: 0 }),
      await call(t, b, 'POST', `${url}/refuse`, { version: detail.version, reason: 'withdrawn', date: '2026-06-01' }),
      await call(t, b, 'POST', `${url}/opinions`, { version: detail.version, phase: 'admission', source: 'mass_organization', organizationKey: 'x', organizationName: 'X', date: '2026-06-01' }),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(404);
      expect(JSON.stringify(a.body)).not.toContain(detail.person.fullName);
    }
    expect(await checksum(t)).toBe(before);
    const list = await call(t, b, 'GET', '/api/admissions?scope=all');
    expect(list.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    // The secretary of cell A and the commune's committee see it.
    expect((await call(t, kit.secretaryA.cookie, 'GET', url)).status).toBe(200);
    expect((await call(t, kit.committee.cookie, 'GET', url)).status).toBe(200);
    // Reading a case is audited (it shows the background verification of a person).
    const audit = await t.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', '=', 'admission.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.object_id).toBe(String(id));
  });

  it('opening a case needs a candidacy in scope; roles without the policy are refused', async () => {
    const other = await buildCandidate(t, kit, { cellId: kit.tree.cellB.id });
    const res = await call(t, kit.secretaryA.cookie, 'POST', '/api/admissions', { candidateId: other.candidateId, openedOn: '2026-06-01', employerKind: 'farmer' });
    expect(res.status).toBe(404);
    expect((await call(t, kit.front.cookie, 'GET', '/api/admissions')).status).toBe(403);
    const { url, detail } = await walkTo(t, kit, 'decision');
    // A cell secretary records what the cell does, not the committee's decision (policy admission.decide).
    const decide = await call(t, kit.secretaryA.cookie, 'POST', `${url}/decision`, {
      version: detail.version,
      date: '2026-06-01',
      decidingOrganizationId: kit.tree.commune.id,
      admitted: true,
      receivedOn: '2026-06-03',
    });
    expect(decide.status).toBe(403);
    // One open case per person.
    const again = await call(t, kit.secretaryA.cookie, 'POST', '/api/admissions', { candidateId: (await buildCandidate(t, kit)).candidateId, openedOn: '2026-06-01', employerKind: 'farmer' });
    expect(again.status).toBe(201);
    const twice = await call(t, kit.secretaryA.cookie, 'POST', '/api/admissions', { candidateId: again.body.candidateId, openedOn: '2026-06-01', employerKind: 'farmer' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ADMISSION_CASE_ALREADY_OPEN');
  });

  it('two submissions of the same step at once: one wins, the other gets 409 CONFLICT, one decision row', async () => {
    const { id, url, detail } = await walkTo(t, kit, 'introduced');
    const submit = () =>
      t.app.inject({ method: 'POST', url: `${url}/steps/complete`, headers: { cookie: kit.secretaryA.cookie }, payload: { version: detail.version, step: 'introduced' } });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('CONFLICT');
    const rows = await t.db.selectFrom('admission_decisions').select('action_type').where('case_id', '=', id).where('action_type', '=', 'complete_step').execute();
    expect(rows).toHaveLength(1);
    const kase = await t.db.selectFrom('admission_cases').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(kase).toEqual({ status: 'training', version: detail.version + 1 });
  });

  it('two different steps racing on the same version: still one winner', async () => {
    const { url, detail } = await walkTo(t, kit, 'history');
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: `${url}/steps/complete`, headers: { cookie: kit.secretaryA.cookie }, payload: { version: detail.version, step: 'history' } }),
      t.app.inject({ method: 'POST', url: `${url}/refuse`, headers: { cookie: kit.secretaryA.cookie }, payload: { version: detail.version, reason: 'withdrawn', date: '2026-06-10' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
  it('finds a case by the applicant\'s citizen id only in a POST body, within scope (security.md item 25)', async () => {
    const cid = '068196734001';
    const { person, candidateId } = await buildCandidate(t, kit, { fullName: 'Ka Sô Hồng' });
    await t.db.updateTable('persons').set({ citizen_id: cid, search_text: buildSearchText([person.full_name, cid]) }).where('id', '=', person.id).execute();
    const opened = await call(t, kit.secretaryA.cookie, 'POST', '/api/admissions', { candidateId, openedOn: '2026-06-01', employerKind: 'farmer' });
    expect(opened.status).toBe(201);

    const cases = async (cookie: string, body: Record<string, unknown>) => {
      const res = await call<{ items: { id: number }[] }>(t, cookie, 'POST', '/api/admissions/search', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i) => i.id);
    };
    expect(await cases(kit.secretaryA.cookie, { q: cid })).toEqual([opened.body.id]);
    expect(await cases(kit.committee.cookie, { q: cid.slice(0, 10), scope: 'all', organizationId: kit.tree.grassroots.id })).toEqual([opened.body.id]);
    // Another cell's secretary: the citizen id of a case outside the cell finds nothing; the cell as a filter is not found.
    expect(await cases(kit.secretaryB.cookie, { q: cid, scope: 'all' })).toEqual([]);
    expect((await call(t, kit.secretaryB.cookie, 'POST', '/api/admissions/search', { q: cid, organizationId: kit.tree.cellA.id })).status).toBe(404);
    expect((await call(t, kit.front.cookie, 'POST', '/api/admissions/search', { q: cid })).status).toBe(403);
    expect((await call(t, kit.secretaryA.cookie, 'POST', '/api/admissions/search', { q: cid, status: 'decision' })).status).toBe(400);
    // The same answer as the GET for a name.
    expect((await call(t, kit.committee.cookie, 'POST', '/api/admissions/search', { q: 'ka so hong' })).body).toEqual(
      (await call(t, kit.committee.cookie, 'GET', '/api/admissions?q=ka%20so%20hong')).body,
    );

    const refused = await call(t, kit.secretaryA.cookie, 'GET', `/api/admissions?scope=all&q=${cid}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION',
      params: { reason: 'citizen_id_in_url', use: 'POST /api/admissions/search' },
      fields: [{ path: 'querystring.q', code: 'citizen_id_in_url' }],
    });
  });
});
