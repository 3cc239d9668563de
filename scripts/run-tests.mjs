// `npm test`: unit + integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set),
// then the browser journeys; ends with one line "N passed, N failed" over all runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('tmp', { recursive: true });
const runs = [
  { name: 'unit + integration', args: ['vitest', 'run'], out: 'tmp/test-unit.json' },
  { name: 'browser (e2e)', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], out: 'tmp/test-e2e.json', before: ['node', ['scripts/ensure-web-build.mjs']] },
];
if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: integration tests run on SQLite only (see README for PostgreSQL).');
}

let passed = 0;
let failed = 0;
let broken = false;
for (const run of runs) {
  console.log(`\n=== ${run.name} ===`);
  if (run.before) {
    const b = spawnSync(run.before[0], run.before[1], { stdio: 'inherit' });
    if (b.status !== 0) {
      broken = true;
      continue;
    }
  }
  rmSync(run.out, { force: true });
  const r = spawnSync('npx', [...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${run.out}`], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (!existsSync(run.out)) {
    broken = true;
    console.log(`${run.name}: no report (exit ${r.status})`);
    continue;
  }
  const report = JSON.parse(readFileSync(run.out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to load counts no tests; count it as a failure so it cannot pass silently.
  const badSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  failed += badSuites;
  if (r.status !== 0 && report.numFailedTests === 0 && badSuites === 0) {
    // Vitest exits non-zero on errors outside any test (unhandled rejections); they are failures too.
    console.log(`${run.name}: vitest exited ${r.status} with no failed test (unhandled errors above)`);
    broken = true;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
