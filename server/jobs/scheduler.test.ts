import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../common/contracts/auth.contract.ts';
import type { JobRunsResponse } from '../../common/contracts/calendar.contract.ts';
import { DomainError } from '../../common/errors.ts';
import type { Db } from '../db/create-db.ts';
import { buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../test/factories.ts';
import { ENGINES } from '../test/test-db.ts';
import { registeredSweeps, registerSweep, runSweeps, unregisterSweep } from './job-registry.ts';
import { type SchedulerClock, type SchedulerLog, startScheduler } from './scheduler.ts';

// The scheduler and the record of runs, on every engine. Time is driven by hand (architecture principle 6):
// a fake clock whose interval fires only when the test says so.

function fakeClock(at: string) {
  const ticks: (() => void)[] = [];
  const clock: SchedulerClock & { fire(): void; current: Date; cancelled: number } = {
    current: new Date(at),
    cancelled: 0,
    now: () => clock.current,
    every(_ms, tick) {
      ticks.push(tick);
      return () => {
        clock.cancelled++;
        ticks.splice(ticks.indexOf(tick), 1);
      };
    },
    fire: () => ticks.forEach((tick) => tick()),
  };
  return clock;
}

/** A sweep that waits until the test opens its gate; `started()` resolves when the next run has begun. */
function gatedSweep() {
  let open: () => void = () => {};
  let onStart: () => void = () => {};
  let startedPromise = new Promise<void>((resolve) => (onStart = resolve));
  const state = {
    calls: 0,
    nows: [] as string[],
    release: () => open(),
    started: () => startedPromise,
    sweep: async (_db: Db, now: Date) => {
      state.calls++;
      state.nows.push(now.toISOString());
      const gate = new Promise<void>((resolve) => (open = resolve));
      const began = onStart;
      startedPromise = new Promise<void>((resolve) => (onStart = resolve));
      began();
      await gate;
      return { changed: 2 };
    },
  };
  return state;
}

function recordingLog() {
  const lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  const log: SchedulerLog = {
    info: (obj, msg) => lines.push({ level: 'info', msg, obj: obj as Record<string, unknown> }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj: obj as Record<string, unknown> }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj: obj as Record<string, unknown> }),
  };
  return { log, lines };
}

describe.each(ENGINES)('scheduled sweeps on %s', (engine) => {
  let t: TestApp;
  const registered: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    for (const name of registered.splice(0)) unregisterSweep(name);
  });

  function register(name: string, fn: Parameters<typeof registerSweep>[1]) {
    registerSweep(name, fn);
    registered.push(name);
  }
  const runsOf = (name: string) => t.db.selectFrom('job_runs').selectAll().where('name', '=', name).orderBy('id').execute();

  it('runs a registered sweep once at start and once per tick, never overlapping itself', async () => {
    const gate = gatedSweep();
    register('test.gated', gate.sweep);
    const clock = fakeClock('2026-06-15T03:00:00.000Z');
    const { log, lines } = recordingLog();
    const scheduler = startScheduler({ db: t.db, log }, registeredSweeps, clock);

    await gate.started();
    expect(gate.calls).toBe(1); // the run at start
    clock.current = new Date('2026-06-15T04:00:00.000Z');
    clock.fire(); // still running: this turn is skipped
    clock.fire();
    expect(gate.calls).toBe(1);
    expect(lines.filter((l) => l.msg.includes('skipped'))).toHaveLength(2);

    gate.release();
    await scheduler.idle();
    let runs = await runsOf('test.gated');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'scheduler', outcome: 'success', changed: 2, error_code: null, started_at: '2026-06-15T03:00:00.000Z' });
    expect(runs[0].finished_at).toBe('2026-06-15T04:00:00.000Z');

    clock.current = new Date('2026-06-15T05:00:00.000Z');
    clock.fire();
    await gate.started();
    expect(gate.calls).toBe(2);
    expect(gate.nows).toEqual(['2026-06-15T03:00:00.000Z', '2026-06-15T05:00:00.000Z']);
    gate.release();
    await scheduler.idle();
    runs = await runsOf('test.gated');
    expect(runs.map((r) => r.outcome)).toEqual(['success', 'success']);

    await scheduler.stop();
    expect(clock.cancelled).toBe(1);
    clock.fire();
    expect(gate.calls).toBe(2);
  });

  it('records a failing sweep with its error code, logs it, and keeps running it at the next turns', async () => {
    let calls = 0;
    register('test.failing', async () => {
      calls++;
      if (calls === 1) throw new DomainError('CONFLICT', { id: 7 });
      if (calls === 2) throw Object.assign(new Error('connection refused to 10.0.0.1'), { code: 'ECONNREFUSED' });
      return { changed: 0 };
    });
    const clock = fakeClock('2026-06-16T03:00:00.000Z');
    const { log, lines } = recordingLog();
    const scheduler = startScheduler({ db: t.db, log }, registeredSweeps, clock);
    await scheduler.idle();
    expect((await scheduler.tick()).map((r) => r.errorCode)).toEqual(['ECONNREFUSED']);
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['success']);
    await scheduler.stop();

    const runs = await runsOf('test.failing');
    expect(runs.map((r) => [r.outcome, r.error_code, r.changed])).toEqual([
      ['failure', 'CONFLICT', null],
      ['failure', 'ECONNREFUSED', null],
      ['success', null, 0],
    ]);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0].obj).toMatchObject({ job: 'test.failing', code: 'CONFLICT' });
  });

  it('survives a database that cannot even record the run', async () => {
    register('test.unrecorded', async () => ({ changed: 1 }));
    const broken = { ...t.db, insertInto: () => { throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }); } } as unknown as Db;
    const { log, lines } = recordingLog();
    const scheduler = startScheduler({ db: broken, log }, registeredSweeps, fakeClock('2026-06-17T03:00:00.000Z'));
    await scheduler.stop();
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'sweep not run' })]);
  });

  it('runSweeps runs every registered sweep once and reports each, a failure not stopping the others', async () => {
    register('test.one', async () => ({ changed: 3 }));
    register('test.two', async () => {
      throw new TypeError('boom');
    });
    register('test.three', async () => ({ changed: 0 }));
    const now = new Date('2026-06-18T01:00:00.000Z');
    const reports = await runSweeps(t.db, now, { clock: () => new Date('2026-06-18T01:00:05.000Z') });
    expect(reports.map((r) => [r.name, r.outcome, r.changed, r.errorCode])).toEqual([
      ['test.one', 'success', 3, null],
      ['test.two', 'failure', null, 'TypeError'],
      ['test.three', 'success', 0, null],
    ]);
    const runs = await t.db.selectFrom('job_runs').selectAll().where('started_at', '=', now.toISOString()).orderBy('id').execute();
    expect(runs.map((r) => [r.name, r.trigger, r.outcome, r.finished_at])).toEqual([
      ['test.one', 'cli', 'success', '2026-06-18T01:00:05.000Z'],
      ['test.two', 'cli', 'failure', '2026-06-18T01:00:05.000Z'],
      ['test.three', 'cli', 'success', '2026-06-18T01:00:05.000Z'],
    ]);
    expect((await runSweeps(t.db, now, { only: ['test.one', 'test.missing'] })).map((r) => r.errorCode)).toEqual([null, 'UNKNOWN_SWEEP']);
  });

  it('refuses a second, different sweep under a taken name; the same one again is harmless', () => {
    const fn = async () => ({ changed: 0 });
    register('test.dup', fn);
    expect(() => registerSweep('test.dup', fn)).not.toThrow();
    expect(() => registerSweep('test.dup', async () => ({ changed: 1 }))).toThrow(/already registered/);
    expect(() => registerSweep('Bad Name', fn)).toThrow(/sweep name/);
  });

  it('shows the last runs to administrators only', async () => {
    register('test.listed', async () => ({ changed: 5 }));
    await runSweeps(t.db, new Date('2026-06-19T01:00:00.000Z'), { only: ['test.listed'] });
    const tree = await buildTree(t.db);
    const login = async (role: Role) => {
      const username = `${role}-jobs-${engine}`;
      await buildUser(t.db, { role, organizationId: tree.province.id, username });
      return loginAs(t.app, username);
    };
    const admin = await login('admin');
    const res = await t.app.inject({ url: '/api/jobs/runs?limit=2', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as JobRunsResponse;
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({ name: 'test.listed', outcome: 'success', changed: 5, trigger: 'cli', errorCode: null });
    expect(body.sweeps).toEqual(['test.listed']);
    const filtered = (await t.app.inject({ url: '/api/jobs/runs?name=test.failing', headers: { cookie: admin } })).json() as JobRunsResponse;
    expect(filtered.items.map((r) => r.outcome)).toEqual(['success', 'failure', 'failure']);

    const officer = await login('organization_officer');
    expect((await t.app.inject({ url: '/api/jobs/runs', headers: { cookie: officer } })).statusCode).toBe(403);
  });
});
